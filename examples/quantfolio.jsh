/env --class-path examples/target/quantfolio-examples-all.jar
// Quantfolio JShell session. From the repository root, after `mvn -B -DskipTests install`:
//   jshell examples/quantfolio.jsh
// Puts the self-contained examples jar (all modules + dependencies) on the class path, imports
// the public packages (core, indicators, risk, optimize, backtest) and loads the built-in simulated market.
import io.github.quantfolio.core.*;
import io.github.quantfolio.indicators.*;
import io.github.quantfolio.risk.*;
import io.github.quantfolio.optimize.*;
import io.github.quantfolio.backtest.*;
import java.time.*;
import java.nio.file.*;
var market = MarketSimulator.defaultMarket();
var prices = market.prices();
var returns = prices.returns();
System.out.println("Quantfolio ready: market, prices and returns are loaded. Try: prices.resample(Frequency.MONTHLY).tail(3)");
