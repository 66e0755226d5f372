package bank.teller.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The small deployment of an in-container test: the test classes only. The real EAR is deployed
 * once per run from the server's deployments folder; the test WAR sees its classes through module
 * dependencies and calls its EJBs through java:global names.
 */
public final class InContainer {

    private InContainer() {
    }

    /**
     * For client tests: the EAR is already deployed and Arquillian only has to start the server,
     * but it wants a deployment, so it gets one that serves a single static page.
     */
    public static WebArchive placeholder(String name) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsWebResource(new StringAsset("client tests run against the deployed teller.ear"), "index.txt");
    }

    public static WebArchive testWar(String name, Class<?>... testClasses) {
        return testWar(name, "", testClasses);
    }

    /** The same, seeing the server's modules {@code modules} too (", "-separated, each with a leading ", "). */
    public static WebArchive testWar(String name, String modules, Class<?>... testClasses) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(testClasses)
                .addClasses(AsUser.class, AsUser.Work.class, TestData.class, InContainer.class, Lookup.class, Sql.class,
                        Counter.class, TestUsers.class, Await.class, Await.Check.class, org.mindrot.jbcrypt.BCrypt.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsWebInfResource("it-ejb-jar.xml", "ejb-jar.xml")
                .addAsManifestResource(new StringAsset("Manifest-Version: 1.0\nDependencies: "
                        + "deployment.teller.ear.teller-ejb.jar, deployment.teller.ear.teller-batch.jar, "
                        + "org.wildfly.security.elytron" + modules + "\n"), "MANIFEST.MF");
    }
}
