package bank.clearing.sim;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The simulator's test hooks, under {@code /clearing-sim/api}. */
@ApplicationPath("api")
public class SimulatorApi extends Application {
}
