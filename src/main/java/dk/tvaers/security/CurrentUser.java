package dk.tvaers.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The signed-in user: the engine's user id and the ids of the user's groups. */
public record CurrentUser(String id, Set<String> groups) {

    public static CurrentUser of(Authentication authentication) {
        return new CurrentUser(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(EngineIdentityAuthenticationProvider.GROUP_PREFIX))
                .map(a -> a.substring(EngineIdentityAuthenticationProvider.GROUP_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet()));
    }

    public boolean isMemberOf(String group) {
        return groups.contains(group);
    }
}
