package dk.tvaers.security;

import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * The engine's own user store, with every password check counted by {@link LoginThrottle} for the
 * client address of the request it runs in. A blocked address gets "wrong password" from every
 * door, whatever it sends.
 */
class ThrottledIdentityProvider extends DbIdentityServiceProvider {

    private final LoginThrottle throttle;

    ThrottledIdentityProvider(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        String address = LoginThrottle.currentClient();
        if (!throttle.blockedFor(address, userId).isZero()) {
            return false;
        }
        boolean right = super.checkPassword(userId, password);
        if (right) {
            throttle.succeeded(address, userId);
        } else {
            throttle.failed(address, userId);
        }
        return right;
    }

    /** Opens one provider per engine command, as the engine's default factory does. */
    record Factory(LoginThrottle throttle) implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return DbIdentityServiceProvider.class;
        }

        @Override
        public Session openSession() {
            return new ThrottledIdentityProvider(throttle);
        }
    }
}
