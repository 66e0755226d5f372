package bank.teller.platform;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import liquibase.resource.AbstractResource;
import liquibase.resource.AbstractResourceAccessor;
import liquibase.resource.Resource;

/**
 * Reads changelogs with {@link ClassLoader#getResourceAsStream}. Liquibase's own
 * ClassLoaderResourceAccessor cannot parse WildFly's {@code vfs:} URLs, so the changelogs are
 * named explicitly in the master changelog (no includeAll) and read through this accessor.
 */
final class ClasspathChangelogAccessor extends AbstractResourceAccessor {

    private final ClassLoader loader;

    ClasspathChangelogAccessor(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public List<Resource> search(String path, boolean recursive) {
        throw new UnsupportedOperationException("name changelogs explicitly; cannot search " + path);
    }

    @Override
    public List<Resource> getAll(String path) {
        String normalized = path.replace('\\', '/').replaceFirst("^/+", "").replaceFirst("^classpath:", "");
        return loader.getResource(normalized) == null ? List.of() : List.of(new ClasspathResource(normalized));
    }

    @Override
    public List<String> describeLocations() {
        return List.of("classpath of " + loader);
    }

    @Override
    public void close() {
        // nothing to release
    }

    private final class ClasspathResource extends AbstractResource {

        ClasspathResource(String path) {
            super(path, URI.create("classpath:" + path));
        }

        @Override
        public InputStream openInputStream() throws IOException {
            InputStream in = loader.getResourceAsStream(getPath());
            if (in == null) {
                throw new FileNotFoundException(getPath());
            }
            return in;
        }

        @Override
        public boolean exists() {
            return loader.getResource(getPath()) != null;
        }

        @Override
        public Resource resolve(String other) {
            return new ClasspathResource(resolvePath(other));
        }

        @Override
        public Resource resolveSibling(String other) {
            return new ClasspathResource(resolveSiblingPath(other));
        }
    }
}
