package dk.tvaers.inbox;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.tvaers.security.CurrentUser;
import dk.tvaers.web.InvalidInputException;
import dk.tvaers.web.Texts;
import dk.tvaers.web.WorkplacePage;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A task's comments and follow-up date on its page: each a small form posting here and returning to the task's
 * page, with a confirmation, or with the error by the field and what was typed kept.
 */
@WorkplacePage
class TaskNotesPages {

    private final Inbox inbox;
    private final Texts texts;

    TaskNotesPages(Inbox inbox, MessageSource messages) {
        this.inbox = inbox;
        this.texts = Texts.of(messages);
    }

    @PostMapping("/opgaver/{id}/kommentarer")
    String comment(@PathVariable String id, @RequestParam(required = false) String text, Authentication auth, RedirectAttributes redirect) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("text", text == null ? "" : text);
        try {
            inbox.comment(CurrentUser.of(auth), id, body);
            redirect.addFlashAttribute("commentSaved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("commentError", e.errors().get(0).message(texts));
            redirect.addFlashAttribute("commentText", text);
        }
        return "redirect:/opgaver/" + id + "#comments";
    }

    @PostMapping("/opgaver/{id}/opfoelgning")
    String followUp(@PathVariable String id, @RequestParam(required = false) String on, @RequestParam(required = false) String clear,
                    Authentication auth, RedirectAttributes redirect) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (clear != null) {
            body.putNull("on");
        } else {
            body.put("on", on == null ? "" : on.trim());
        }
        try {
            inbox.followUp(CurrentUser.of(auth), id, body);
            redirect.addFlashAttribute("followUpSaved", clear != null ? "cleared" : "saved");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("followUpError", e.errors().get(0).message(texts));
            redirect.addFlashAttribute("followUpValue", on);
        }
        return "redirect:/opgaver/" + id + "#follow-up";
    }
}
