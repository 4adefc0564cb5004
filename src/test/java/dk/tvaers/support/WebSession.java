package dk.tvaers.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like HTTP session against Tværs's pages: keeps cookies, remembers the CSRF token of the
 * last page it saw and sends it with every form, and does not follow redirects (so tests see them).
 */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient client;
    private final int port;
    private String token;

    public WebSession(int port) {
        this(HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build(), port, null);
    }

    private WebSession(HttpClient client, int port, String token) {
        this.client = client;
        this.port = port;
        this.token = token;
    }

    /** The same browser (its cookies and the last page's CSRF token) at another node, as a load balancer moves it. */
    public WebSession at(int otherPort) {
        return new WebSession(client, otherPort, token);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return remember(client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** A download (a PDF, a calendar file) as bytes. */
    public HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts a form of name/value pairs with the CSRF token of the last page. */
    public HttpResponse<String> post(String path, String... pairs) throws IOException, InterruptedException {
        if (token == null) {
            throw new IllegalStateException("no page with a CSRF token seen yet");
        }
        return send(path, "_csrf=" + encode(token) + (pairs.length == 0 ? "" : "&" + form(pairs)));
    }

    /** Posts a form as htmx does from a page at {@code currentUrl}: with the token and htmx's request headers. */
    public HttpResponse<String> postAsHtmx(String path, String currentUrl, String... pairs) throws IOException, InterruptedException {
        return remember(client.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("HX-Request", "true")
                .header("HX-Current-URL", "http://localhost:" + port + currentUrl)
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(token) + (pairs.length == 0 ? "" : "&" + form(pairs))))
                .build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** Posts a form as a forger would: without the page's token. */
    public HttpResponse<String> postWithoutToken(String path, String... pairs) throws IOException, InterruptedException {
        return send(path, form(pairs));
    }

    public void forgeToken(String value) {
        this.token = value;
    }

    public HttpResponse<String> login(String user, String password) throws IOException, InterruptedException {
        get("/login");
        return post("/login", "username", user, "password", password);
    }

    /** Logs in with the demo password (the user name) and fails if the login is refused. */
    public WebSession loggedInAs(String user) throws IOException, InterruptedException {
        HttpResponse<String> response = login(user, user);
        if (response.headers().firstValue("Location").orElse("").contains("error")) {
            throw new AssertionError("login refused for " + user);
        }
        return this;
    }

    private HttpResponse<String> send(String path, String body) throws IOException, InterruptedException {
        return remember(client.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private HttpResponse<String> remember(HttpResponse<String> response) {
        Matcher matcher = CSRF.matcher(response.body());
        if (matcher.find()) {
            token = matcher.group(1);
        }
        return response;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String form(String... pairs) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (form.length() > 0) {
                form.append('&');
            }
            form.append(encode(pairs[i])).append('=').append(encode(pairs[i + 1]));
        }
        return form.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
