package bank.teller.platform;

import bank.teller.shared.InstantConverter;
import java.sql.Types;
import java.time.Instant;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.sessions.Session;

/**
 * Gives the columns of {@link Instant} attributes their SQL type. {@link InstantConverter} hands the
 * driver an Object (each driver reads TIMESTAMP WITH TIME ZONE as a type of its own), so without
 * this EclipseLink would bind a null instant as VARCHAR, which PostgreSQL refuses for a timestamp
 * column. Named by persistence.xml ({@code eclipselink.session.customizer}).
 */
public class InstantColumns implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        for (ClassDescriptor descriptor : session.getDescriptors().values()) {
            for (DatabaseMapping mapping : descriptor.getMappings()) {
                if (mapping.isDirectToFieldMapping() && declaredType(descriptor.getJavaClass(), mapping) == Instant.class) {
                    mapping.getField().setSqlType(Types.TIMESTAMP_WITH_TIMEZONE);
                }
            }
        }
    }

    private static Class<?> declaredType(Class<?> entity, DatabaseMapping mapping) {
        for (Class<?> c = entity; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(mapping.getAttributeName()).getType();
            } catch (NoSuchFieldException notHere) {
                // a field of a superclass
            }
        }
        return mapping.getAttributeClassification();
    }
}
