package bank.core.sim;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The simulator's look into its book, under {@code /core-sim/api}. */
@ApplicationPath("api")
public class SimulatorApi extends Application {
}
