package dk.tvaers.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing without letting anyone lock a colleague out (decision 0010): wrong
 * passwords count per client address and user name, so a guesser elsewhere does not stop the real
 * user from logging in from her own machine. {@value #PER_USER} wrong passwords for one user from one
 * address within {@link #WINDOW} stop that address trying that user; {@value #PER_ADDRESS} for any users
 * stop the address (one password tried on many users). The block lifts as the failures age out of the
 * window. The three are the defaults of {@code tvaers.login.max-failures-per-user},
 * {@code tvaers.login.max-failures-per-address} and {@code tvaers.login.window} (an office of many
 * behind one address may want a larger second one). Every door that takes a password passes here: Tværs's API and pages, the engine's REST API
 * and the Camunda webapps' login (the engine's identity provider asks {@link ThrottledIdentityProvider}).
 * The counts live in each node's memory: a cluster of n nodes allows n times as many guesses.
 */
@Component
public class LoginThrottle {

    static final int PER_USER = 5;
    static final int PER_ADDRESS = 50;
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** The address of a password check made outside an HTTP request (a test, a command-line tool). */
    static final String NO_ADDRESS = "-";
    private static final int MAX_KEYS = 100_000;

    private static final ThreadLocal<String> CLIENT = new ThreadLocal<>();

    private final Clock clock;
    private final int perUser;
    private final int perAddress;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    @Autowired
    LoginThrottle(@Value("${tvaers.login.max-failures-per-user:" + PER_USER + "}") int perUser,
                  @Value("${tvaers.login.max-failures-per-address:" + PER_ADDRESS + "}") int perAddress,
                  @Value("${tvaers.login.window:PT15M}") Duration window) {
        // Wall time, not the application's clock: the demo and the tests move that one.
        this(Clock.systemUTC(), perUser, perAddress, window);
    }

    LoginThrottle(Clock clock) {
        this(clock, PER_USER, PER_ADDRESS, WINDOW);
    }

    LoginThrottle(Clock clock, int perUser, int perAddress, Duration window) {
        if (perUser < 1 || perAddress < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("tvaers.login.*: the limits are at least 1 and the window longer than zero");
        }
        this.clock = clock;
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.window = window;
    }

    /** Runs the given work with the client address that password checks in it are counted for. */
    static void withClient(String address, ThrowingRunnable work) throws Exception {
        CLIENT.set(address);
        try {
            work.run();
        } finally {
            CLIENT.remove();
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    static String currentClient() {
        String address = CLIENT.get();
        return address != null ? address : NO_ADDRESS;
    }

    /** How long the address must wait before it may try this user again; zero when it may now. */
    public Duration blockedFor(String address, String user) {
        Instant now = clock.instant();
        return max(waitFor(userKey(address, user), perUser, now), waitFor(addressKey(address), perAddress, now));
    }

    void failed(String address, String user) {
        Instant now = clock.instant();
        if (failures.size() > MAX_KEYS) {
            failures.values().removeIf(times -> {
                synchronized (times) {
                    prune(times, now);
                    return times.isEmpty();
                }
            });
        }
        for (String key : new String[] {userKey(address, user), addressKey(address)}) {
            Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                prune(times, now);
                times.addLast(now);
                while (times.size() > Math.max(perUser, perAddress)) {
                    times.removeFirst();
                }
            }
        }
    }

    void succeeded(String address, String user) {
        failures.remove(userKey(address, user));
    }

    private Duration waitFor(String key, int limit, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < limit) {
                return Duration.ZERO;
            }
            // Blocked until enough failures have aged out to bring the count under the limit.
            Instant oldestThatCounts = times.stream().skip(times.size() - limit).findFirst().orElseThrow();
            return Duration.between(now, oldestThatCounts.plus(window));
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant cutoff = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String userKey(String address, String user) {
        return address + "\u0000" + (user == null ? "" : user.toLowerCase(java.util.Locale.ROOT));
    }

    private static String addressKey(String address) {
        return address;
    }
}
