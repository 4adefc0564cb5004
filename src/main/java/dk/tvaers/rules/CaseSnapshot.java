package dk.tvaers.rules;

import java.util.ArrayList;
import java.util.List;

/** All the facts of one case on one day, ready to be inserted into a rule session. */
public record CaseSnapshot(CaseFacts caseFacts, RouteFacts route, List<DepartmentFact> departments,
                           List<ConsentFact> consents, List<EffortFact> efforts, List<AgreementFact> agreements) {

    public CaseSnapshot {
        departments = List.copyOf(departments);
        consents = List.copyOf(consents);
        efforts = List.copyOf(efforts);
        agreements = List.copyOf(agreements);
    }

    List<Object> facts() {
        List<Object> facts = new ArrayList<>();
        facts.add(caseFacts);
        facts.add(route);
        facts.addAll(departments);
        facts.addAll(consents);
        facts.addAll(efforts);
        facts.addAll(agreements);
        return facts;
    }
}
