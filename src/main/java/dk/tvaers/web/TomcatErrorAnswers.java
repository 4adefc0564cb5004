package dk.tvaers.web;

import dk.tvaers.security.Problems;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before the application sees them (an encoded slash or backslash in the
 * path, a raw quote, a malformed request line) are answered by the host's error report valve. Tomcat's
 * own valve writes an English HTML page; this one writes problem+json with the product's headers
 * for {@code /api/**} (and for a request whose path could not be read), and a short Danish page
 * otherwise.
 */
@Component
class TomcatErrorAnswers implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        // TRACE goes on to Spring MVC (spring.mvc.dispatch-trace-request), which answers 405 with the address's own
        // methods; Tomcat would answer with every method its servlets have. Nothing echoes a TRACE (ErrorFormatTests).
        factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof DanishErrorReportValve)) {
                    host.getPipeline().removeValve(valve);
                }
            }
            // The host adds a valve of this class at start unless one is there: name ours, so Tomcat's own is not added after it.
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(DanishErrorReportValve.class.getName());
            }
            host.getPipeline().addValve(new DanishErrorReportValve());
        });
    }

    public static final class DanishErrorReportValve extends ErrorReportValve {

        public DanishErrorReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                response.setSuspended(false);
                response.resetBuffer();
                Problems.BASELINE_HEADERS.forEach(response::setHeader);
                Problems.BARE_ANSWER_HEADERS.forEach(response::setHeader);
                String uri = request.getDecodedRequestURI();
                if (uri == null || uri.isEmpty() || uri.startsWith("/api")) {
                    Problems.write(response.getResponse(), status, Problems.danishDetail(status));
                } else {
                    response.setContentType("text/html");
                    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                    Writer writer = response.getReporter();
                    if (writer != null) {
                        writer.write("<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"UTF-8\"><title>Fejl – Tværs</title></head>"
                                + "<body><main><h1>Anmodningen kan ikke læses</h1><p>" + Problems.danishDetail(status)
                                + ".</p><p><a href=\"/\">Til forsiden</a></p></main></body></html>");
                        writer.flush();
                    }
                }
            } catch (IOException | IllegalStateException e) {
                // The connection is gone or the answer already started: nothing more can be said.
            }
        }
    }
}
