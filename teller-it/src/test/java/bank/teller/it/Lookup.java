package bank.teller.it;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/** The EAR's beans and resources by their global JNDI names. */
public final class Lookup {

    private Lookup() {
    }

    public static <T> T ejb(String module, Class<T> type) {
        return jndi("java:global/teller/" + module + "/" + type.getSimpleName() + "!" + type.getName());
    }

    @SuppressWarnings("unchecked")
    public static <T> T jndi(String name) {
        try {
            return (T) new InitialContext().lookup(name);
        } catch (NamingException e) {
            throw new IllegalStateException("cannot look up " + name, e);
        }
    }
}
