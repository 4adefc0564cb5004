package dk.tvaers.demo;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/** The demo users and groups of API.md, created in the engine's identity service when missing. */
public final class DemoUsers {

    record DemoUser(String id, String firstName, String lastName, List<String> groups) {}

    static final List<String[]> GROUPS = List.of(
            new String[] {"JOBCENTER", "Jobcenter"},
            new String[] {"coordinators", "Koordinerende sagsbehandlere"},
            new String[] {"youth-team", "Ungeteamet"},
            new String[] {"company-consultants", "Virksomhedskonsulenter"},
            new String[] {"UU", "Ungdommens Uddannelsesvejledning"},
            new String[] {"FAMILY", "Børne- og familieafdelingen"},
            new String[] {"ADDICTION", "Stof- og alkoholbehandling"},
            new String[] {"leaders", "Lederforum"},
            new String[] {"process-owners", "Procesejere"},
            new String[] {"camunda-admin", "Administratorer"});

    static final List<DemoUser> USERS = List.of(
            new DemoUser("koordinator", "Karen", "Koordinator", List.of("JOBCENTER", "coordinators")),
            new DemoUser("ungeteam", "Ulla", "Ungeteam", List.of("JOBCENTER", "youth-team")),
            new DemoUser("virksomhed", "Viggo", "Virksomhedskonsulent", List.of("JOBCENTER", "company-consultants")),
            new DemoUser("uu", "Ulrik", "Vejleder", List.of("UU")),
            new DemoUser("familie", "Frida", "Familierådgiver", List.of("FAMILY")),
            new DemoUser("misbrug", "Mads", "Misbrugsbehandler", List.of("ADDICTION")),
            new DemoUser("leder", "Lene", "Leder", List.of("leaders")),
            new DemoUser("procesejer", "Per", "Procesejer", List.of("process-owners")),
            new DemoUser("admin", "Admin", "Tværs", List.of("camunda-admin")));

    public static void ensure(IdentityService identity) {
        for (String[] group : GROUPS) {
            if (identity.createGroupQuery().groupId(group[0]).singleResult() == null) {
                Group created = identity.newGroup(group[0]);
                created.setName(group[1]);
                created.setType("WORKFLOW");
                identity.saveGroup(created);
            }
        }
        for (DemoUser demo : USERS) {
            if (identity.createUserQuery().userId(demo.id()).singleResult() == null) {
                User user = identity.newUser(demo.id());
                user.setFirstName(demo.firstName());
                user.setLastName(demo.lastName());
                user.setPassword(demo.id());
                user.setEmail(demo.id() + "@tvaers.example");
                identity.saveUser(user);
            }
            for (String group : demo.groups()) {
                if (identity.createUserQuery().userId(demo.id()).memberOfGroup(group).count() == 0) {
                    identity.createMembership(demo.id(), group);
                }
            }
        }
    }

    private DemoUsers() {
    }
}
