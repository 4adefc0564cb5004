package dk.tvaers.security;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks user name and password against the engine's identity service, so Tværs and the Camunda
 * webapps share one user base (passwords hashed by the engine; wrong passwords slowed by
 * {@link LoginThrottle}). The user's groups become authorities {@code GROUP_<id>}.
 */
@Component
class EngineIdentityAuthenticationProvider implements AuthenticationProvider {

    static final String GROUP_PREFIX = "GROUP_";

    static final String BLOCKED = "For mange forkerte adgangskoder fra din adresse; prøv igen om %d minutter";

    private final IdentityService identity;
    private final LoginThrottle throttle;

    EngineIdentityAuthenticationProvider(IdentityService identity, LoginThrottle throttle) {
        this.identity = identity;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        Duration blocked = throttle.blockedFor(LoginThrottle.currentClient(), user);
        if (!blocked.isZero()) {
            throw new LockedException(BLOCKED.formatted(Math.max(1, (blocked.toSeconds() + 59) / 60)));
        }
        if (user == null || user.isBlank() || credentials == null || !identity.checkPassword(user, credentials.toString())) {
            throw new BadCredentialsException("Forkert brugernavn eller adgangskode");
        }
        List<SimpleGrantedAuthority> authorities = identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId)
                .map(id -> new SimpleGrantedAuthority(GROUP_PREFIX + id))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
