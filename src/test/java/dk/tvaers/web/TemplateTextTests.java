package dk.tvaers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every user-visible text of the pages comes from the message bundles: a template's own text is
 * only a placeholder inside an element whose {@code th:text} replaces it. And the Danish and English
 * bundles have the same keys.
 */
class TemplateTextTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** An opening tag followed by text that holds a letter. */
    private static final Pattern TEXT_AFTER_OPEN_TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)([^<>]*)>([^<]*\\p{L}[^<]*)");
    /** Text with a letter right after a closing tag. */
    private static final Pattern TEXT_AFTER_CLOSE_TAG = Pattern.compile("</[a-zA-Z0-9]+>([^<]*\\p{L}[^<]*)");

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    @Test
    void noTemplateHasTextOfItsOwn() throws IOException {
        assertThat(templates()).isNotEmpty();
        List<String> hardCoded = new ArrayList<>();
        for (Path template : templates()) {
            String html = Files.readString(template).replaceAll("(?s)<!--.*?-->", "");
            Matcher open = TEXT_AFTER_OPEN_TAG.matcher(html);
            while (open.find()) {
                String attributes = open.group(2);
                String tag = open.group(1);
                if (!attributes.contains("th:text") && !attributes.contains("th:utext") && !attributes.contains("th:insert")
                        && !attributes.contains("th:replace") && !tag.equals("script") && !tag.equals("style")) {
                    hardCoded.add(TEMPLATES.relativize(template) + ": <" + tag + "> " + open.group(3).trim());
                }
            }
            Matcher close = TEXT_AFTER_CLOSE_TAG.matcher(html);
            while (close.find()) {
                hardCoded.add(TEMPLATES.relativize(template) + ": after a closing tag: " + close.group(1).trim());
            }
        }
        assertThat(hardCoded).isEmpty();
    }

    @Test
    void theDanishAndEnglishBundlesHaveTheSameKeys() throws IOException {
        Properties danish = new Properties();
        Properties english = new Properties();
        try (var da = Files.newBufferedReader(Path.of("src/main/resources/messages_da.properties"));
             var en = Files.newBufferedReader(Path.of("src/main/resources/messages_en.properties"))) {
            danish.load(da);
            english.load(en);
        }
        assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(danish.stringPropertyNames());
    }

    /**
     * A text with arguments goes through MessageFormat, where an apostrophe must be doubled; a text
     * without arguments is shown as written, where a doubled one would show twice.
     */
    @Test
    void apostrophesAreWrittenForHowEachTextIsShown() throws IOException {
        List<String> wrong = new java.util.ArrayList<>();
        for (String bundle : List.of("messages_da.properties", "messages_en.properties")) {
            Properties texts = new Properties();
            try (var reader = Files.newBufferedReader(Path.of("src/main/resources", bundle))) {
                texts.load(reader);
            }
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                boolean formatted = text.matches("(?s).*\\{[0-9].*");
                String withoutPairs = text.replace("''", "");
                if (formatted ? withoutPairs.contains("'") : text.contains("''")) {
                    wrong.add(bundle + ": " + key + "=" + text);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }
}
