package dk.tvaers.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Referrals sent as the jobcentre's system sends them: {@code POST /api/cases} from several clients at once, each
 * referral with its own {@code externalRef} (the idempotency key), spread over the nodes in turn. A referral that
 * gets no answer (the node died with the request in flight) or a 503 (a node not ready yet) is sent again, to the
 * next node, with the same key, up to ten times, as a client with retries would; what the clients saw is kept
 * for the test to hold the database against.
 */
final class ReferralLoad {

    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("koordinator:koordinator".getBytes(StandardCharsets.UTF_8));

    private final String run;
    private final Supplier<List<String>> nodes;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger turn = new AtomicInteger();

    /** Every key sent, acknowledged (2xx) or not. */
    final Set<String> sent = ConcurrentHashMap.newKeySet();
    /** The keys a node answered with 2xx, with the case id it gave. */
    final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger noAnswer = new AtomicInteger();
    final AtomicInteger unavailable = new AtomicInteger();
    /** Answers that must not happen: a 5xx other than a clean 503, a 4xx to a valid referral, a 503 without problem+json. */
    final List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());

    /** {@code nodes}: the nodes' base addresses as they are now (a node being restarted stays in the list). */
    ReferralLoad(String run, Supplier<List<String>> nodes) {
        this.run = run;
        this.nodes = nodes;
    }

    /** Sends from {@code clients} threads until {@code duration} has passed; returns when every client has stopped. */
    void run(int clients, Duration duration) throws InterruptedException {
        long until = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int clientNumber = c;
            Thread thread = new Thread(() -> {
                for (int i = 0; System.nanoTime() < until; i++) {
                    refer(run + "-" + clientNumber + "-" + i, clientNumber * 100_000 + i);
                }
            }, "henviser-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private void refer(String key, int number) {
        sent.add(key);
        String body = body(key, number);
        for (int attempt = 0; attempt < 10; attempt++) {
            List<String> now = nodes.get();
            String node = now.get(Math.floorMod(turn.getAndIncrement(), now.size()));
            requests.incrementAndGet();
            try {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(node + "/api/cases"))
                        .timeout(Duration.ofSeconds(20))
                        .header("Authorization", AUTH).header("Content-Type", "application/json").header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                int status = answer.statusCode();
                if (status == 200 || status == 201) {
                    acknowledged.put(key, caseId(answer.body()));
                    return;
                }
                if (status == 503) {
                    unavailable.incrementAndGet();
                    if (!answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                        wrong.add(key + ": 503 uden problem+json fra " + node + ": " + answer.body());
                    }
                } else {
                    wrong.add(key + ": " + status + " fra " + node + ": " + answer.body());
                    return;
                }
            } catch (IOException died) {
                noAnswer.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String body(String key, int number) {
        // Born 2000-2007 (7th digit 4: the 2000s for years up to 36), a valid date for every number.
        String cpr = String.format("%02d%02d%02d4%03d", 1 + number % 28, 1 + (number / 28) % 12, (number / 336) % 8, number % 1000);
        LocalDate yesterday = LocalDate.now(ZoneId.of("Europe/Copenhagen")).minusDays(1);
        return """
                {"externalRef":"%s","citizen":{"cpr":"%s","name":"Fejltest %d"},"referredBy":"JOBCENTER",
                 "referralDate":"%s","flags":["NO_EDUCATION","MENTAL_HEALTH"]}""".formatted(key, cpr, number, yesterday);
    }

    private static String caseId(String body) {
        int at = body.indexOf("\"id\":\"");
        return at < 0 ? "" : body.substring(at + 6, body.indexOf('"', at + 6));
    }
}
