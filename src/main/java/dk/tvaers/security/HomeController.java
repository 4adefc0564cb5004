package dk.tvaers.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after login: where to go, by the user's groups. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home/index";
    }
}
