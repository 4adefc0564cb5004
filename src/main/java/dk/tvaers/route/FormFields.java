package dk.tvaers.route;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaConstraint;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaValidation;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaValue;

/**
 * The generic form of a user task the product has no form of its own for: the task's Camunda form
 * fields ({@code camunda:formData}, as Camunda Modeler writes them under "Forms → Generated Task Forms"),
 * read from the deployed BPMN. Only what Tværs can show and check is accepted: the types string,
 * long, boolean, date and enum; the constraints required, minlength, maxlength, min and max; no
 * expression anywhere (a default value or a label in {@code ${…}} would run inside the engine) and no
 * custom validator class. {@link #problems} says, in Danish, what a deployment must fix.
 */
public final class FormFields {

    /** The longest text a string field takes when its maxlength says nothing else. */
    public static final int TEXT_LIMIT = 4000;

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,59}");
    private static final Set<String> CONSTRAINTS = Set.of("required", "minlength", "maxlength", "min", "max");

    /** A field's type, by its name in the BPMN. */
    public enum Type {
        STRING, LONG, BOOLEAN, DATE, ENUM;

        static Type of(String name) {
            if (name == null) {
                return null;
            }
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /**
     * One field: its id (the process variable it fills), label, type, whether it is required, the limits its
     * constraints set (null when none), an enum's values (id → name) in their order, and the value the form starts with (or null).
     */
    public record Field(String id, String label, Type type, boolean required, Long min, Long max, Integer minLength, Integer maxLength,
                        Map<String, String> values, String defaultValue) {

        /** What the form shows: the label, or the id when the process owner gave none. */
        public String title() {
            return label == null || label.isBlank() ? id : label;
        }
    }

    private FormFields() {
    }

    /** Whether the task has form fields declared at all (an empty {@code camunda:formData} counts: a step only to mark as done). */
    public static boolean declared(UserTask task) {
        return formData(task) != null;
    }

    /** The task's fields; call {@link #problems} first, this reads only what it accepts. */
    public static List<Field> of(UserTask task) {
        CamundaFormData data = formData(task);
        if (data == null) {
            return List.of();
        }
        List<Field> fields = new ArrayList<>();
        for (CamundaFormField field : data.getCamundaFormFields()) {
            Map<String, String> constraints = constraints(field);
            Map<String, String> values = new LinkedHashMap<>();
            for (CamundaValue value : field.getCamundaValues()) {
                values.put(value.getCamundaId(), value.getCamundaName() == null || value.getCamundaName().isBlank()
                        ? value.getCamundaId() : value.getCamundaName());
            }
            fields.add(new Field(field.getCamundaId(), field.getCamundaLabel(), Type.of(field.getCamundaType()), constraints.containsKey("required"),
                    number(constraints.get("min")), number(constraints.get("max")),
                    integer(constraints.get("minlength")), integer(constraints.get("maxlength")), Collections.unmodifiableMap(values),
                    field.getCamundaDefaultValue()));
        }
        return List.copyOf(fields);
    }

    /** What is wrong with the task's form fields for Tværs, one sentence each; none when its form can be shown. */
    public static List<String> problems(UserTask task) {
        CamundaFormData data = formData(task);
        List<String> problems = new ArrayList<>();
        if (data == null) {
            problems.add("Tværs har ingen formular til brugeropgaven '" + task.getId() + "': giv den formularfelter i Camunda Modeler "
                    + "(Forms → Generated Task Forms), så koordinatorerne kan afslutte den");
            return problems;
        }
        if (task.getCamundaFormKey() != null || task.getCamundaFormRef() != null) {
            problems.add("brugeropgaven har både en formKey/formRef og formularfelter; Tværs viser kun formularfelterne: fjern formKey/formRef");
        }
        Set<String> ids = new HashSet<>();
        for (CamundaFormField field : data.getCamundaFormFields()) {
            String id = field.getCamundaId();
            String named = "formularfeltet '" + id + "'";
            if (id == null || !NAME.matcher(id).matches()) {
                problems.add(named + " skal have et id af bogstaver, tal og understreg, der begynder med et bogstav (højst 60 tegn)");
                continue;
            }
            if (!ids.add(id)) {
                problems.add(named + " findes to gange i opgaven");
            }
            if (RouteProcess.Variables.ALL.contains(id)) {
                problems.add(named + " ville overskrive forløbets variabel af samme navn: giv feltet et andet id");
            }
            Type type = Type.of(field.getCamundaType());
            if (type == null) {
                problems.add(named + " har typen '" + field.getCamundaType() + "'; Tværs viser string, long, boolean, date og enum");
            }
            if (type == Type.ENUM && field.getCamundaValues().isEmpty()) {
                problems.add(named + " er en enum uden værdier: tilføj de værdier, brugeren kan vælge imellem");
            }
            for (String text : new String[] {field.getCamundaLabel(), field.getCamundaDefaultValue(), field.getCamundaDatePattern()}) {
                if (text != null && (text.contains("${") || text.contains("#{"))) {
                    problems.add(named + " indeholder et udtryk ('" + text + "'); udtryk i formularfelter er ikke tilladt");
                }
            }
            CamundaValidation validation = field.getCamundaValidation();
            if (validation != null) {
                for (CamundaConstraint constraint : validation.getCamundaConstraints()) {
                    String name = constraint.getCamundaName();
                    if (!CONSTRAINTS.contains(name)) {
                        problems.add(named + " har reglen '" + name + "'; Tværs kender required, minlength, maxlength, min og max"
                                + ("validator".equals(name) ? " (en validator-klasse ville køre inde i motoren)" : ""));
                    } else if (!name.equals("required") && number(constraint.getCamundaConfig()) == null) {
                        problems.add(named + " har reglen '" + name + "' uden et helt tal som værdi");
                    }
                }
            }
        }
        return problems;
    }

    private static CamundaFormData formData(UserTask task) {
        ExtensionElements extensions = task.getExtensionElements();
        if (extensions == null) {
            return null;
        }
        return extensions.getChildElementsByType(CamundaFormData.class).stream().findFirst().orElse(null);
    }

    private static Map<String, String> constraints(CamundaFormField field) {
        Map<String, String> constraints = new LinkedHashMap<>();
        if (field.getCamundaValidation() != null) {
            for (CamundaConstraint constraint : field.getCamundaValidation().getCamundaConstraints()) {
                constraints.put(constraint.getCamundaName(), constraint.getCamundaConfig());
            }
        }
        return constraints;
    }

    private static Long number(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer integer(String text) {
        Long number = number(text);
        return number == null || number < 0 || number > Integer.MAX_VALUE ? null : number.intValue();
    }
}
