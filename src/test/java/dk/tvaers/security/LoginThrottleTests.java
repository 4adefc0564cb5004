package dk.tvaers.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.support.Api;
import dk.tvaers.support.TvaersTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Wrong passwords slow the guesser, never the colleague (decision 0010). */
class LoginThrottleTests {

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T09:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void plus(Duration duration) {
            now = now.plus(duration);
        }
    }

    @Test
    void fiveWrongPasswordsStopThatAddressTryingThatUserUntilTheyAgeOut() {
        MovingClock clock = new MovingClock();
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.PER_USER - 1; i++) {
            throttle.failed("10.0.0.1", "koordinator");
        }
        assertThat(throttle.blockedFor("10.0.0.1", "koordinator")).isZero();
        throttle.failed("10.0.0.1", "koordinator");
        assertThat(throttle.blockedFor("10.0.0.1", "koordinator")).isEqualTo(LoginThrottle.WINDOW);
        assertThat(throttle.blockedFor("10.0.0.2", "koordinator")).as("the real user at her own machine").isZero();
        assertThat(throttle.blockedFor("10.0.0.1", "ungeteam")).as("another user from the same address").isZero();
        clock.plus(Duration.ofMinutes(10));
        assertThat(throttle.blockedFor("10.0.0.1", "koordinator")).isEqualTo(Duration.ofMinutes(5));
        clock.plus(Duration.ofMinutes(5));
        assertThat(throttle.blockedFor("10.0.0.1", "koordinator")).isZero();
    }

    @Test
    void aRightPasswordForgetsTheFailuresOfThatAddressAndUser() {
        LoginThrottle throttle = new LoginThrottle(new MovingClock());
        for (int i = 0; i < LoginThrottle.PER_USER - 1; i++) {
            throttle.failed("10.0.0.1", "koordinator");
        }
        throttle.succeeded("10.0.0.1", "koordinator");
        throttle.failed("10.0.0.1", "koordinator");
        assertThat(throttle.blockedFor("10.0.0.1", "koordinator")).isZero();
    }

    @Test
    void theLimitsAndTheWindowAreTheOperatorsToSet() {
        MovingClock clock = new MovingClock();
        LoginThrottle strict = new LoginThrottle(clock, 2, 3, Duration.ofMinutes(5));
        strict.failed("10.0.0.1", "koordinator");
        assertThat(strict.blockedFor("10.0.0.1", "koordinator")).isZero();
        strict.failed("10.0.0.1", "koordinator");
        assertThat(strict.blockedFor("10.0.0.1", "koordinator")).isEqualTo(Duration.ofMinutes(5));
        strict.failed("10.0.0.1", "ungeteam");
        assertThat(strict.blockedFor("10.0.0.1", "virksomhed")).as("three for any users stop the address").isPositive();
        clock.plus(Duration.ofMinutes(5));
        assertThat(strict.blockedFor("10.0.0.1", "koordinator")).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LoginThrottle(clock, 0, 50, Duration.ofMinutes(15)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneAddressTryingManyUsersIsStopped() {
        LoginThrottle throttle = new LoginThrottle(new MovingClock());
        for (int i = 0; i < LoginThrottle.PER_ADDRESS; i++) {
            throttle.failed("10.0.0.9", "bruger" + i);
        }
        assertThat(throttle.blockedFor("10.0.0.9", "en-helt-anden")).isPositive();
        assertThat(throttle.blockedFor("10.0.0.8", "en-helt-anden")).isZero();
    }

    /** The same through the engine's identity service, which every door asks. */
    @Nested
    @TvaersTest
    class ThroughTheEngine {

        @Autowired IdentityService identity;
        @Autowired Api api;

        @Test
        void theEngineNoLongerLocksAUserOutForGood() throws Exception {
            user("throttle-lock", "rigtig");
            // More wrong passwords than the engine's own limit (ten), each from another address, as a spread-out guesser would.
            for (int i = 0; i < 12; i++) {
                check("10.9.0." + i, "throttle-lock", "forkert");
            }
            assertThat(check("10.9.1.1", "throttle-lock", "rigtig")).isTrue();
        }

        @Test
        void aGuesserElsewhereDoesNotKeepTheUserOut() throws Exception {
            user("throttle-elsewhere", "rigtig");
            for (int i = 0; i < 8; i++) {
                check("10.8.0.1", "throttle-elsewhere", "forkert");
            }
            assertThat(check("10.8.0.1", "throttle-elsewhere", "rigtig")).as("the guesser's address, right password").isFalse();
            assertThat(check("10.8.0.2", "throttle-elsewhere", "rigtig")).as("the user's own machine").isTrue();
        }

        @Test
        void theApiSaysWhyALoginIsRefused() {
            user("throttle-api", "rigtig");
            for (int i = 0; i < LoginThrottle.PER_USER; i++) {
                assertThat(api.call("throttle-api", org.springframework.http.HttpMethod.GET, "/api/cases", null).status()).isEqualTo(401);
            }
            // Api sends the user name as password: wrong, so the address is now blocked for this user.
            Api.Response refused = api.get("throttle-api", "/api/cases");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body().get("detail").asText()).startsWith("For mange forkerte adgangskoder fra din adresse");
        }

        @org.springframework.boot.test.web.server.LocalServerPort int port;

        @Test
        void theLoginPageSaysWhyItRefusesARightPassword() throws Exception {
            user("throttle-page", "rigtig-kode");
            dk.tvaers.support.WebSession browser = new dk.tvaers.support.WebSession(port);
            for (int i = 0; i < LoginThrottle.PER_USER; i++) {
                browser.get("/login");
                assertThat(browser.post("/login", "username", "throttle-page", "password", "forkert").headers().firstValue("Location").orElse(""))
                        .endsWith("/login?error");
            }
            browser.get("/login");
            var refused = browser.post("/login", "username", "throttle-page", "password", "rigtig-kode");
            assertThat(refused.headers().firstValue("Location").orElse("")).endsWith("/login?blocked");
            assertThat(browser.get("/login?blocked").body()).contains("For mange forkerte adgangskoder fra din adresse");
        }

        private boolean check(String address, String user, String password) throws Exception {
            AtomicBoolean right = new AtomicBoolean();
            LoginThrottle.withClient(address, () -> right.set(identity.checkPassword(user, password)));
            return right.get();
        }

        private void user(String id, String password) {
            if (identity.createUserQuery().userId(id).singleResult() == null) {
                User user = identity.newUser(id);
                user.setPassword(password);
                identity.saveUser(user);
            }
        }
    }
}
