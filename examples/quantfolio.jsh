/env --class-path examples/target/quantfolio-examples-all.jar
// Quantfolio JShell session. From the repository root, after `mvn -B -DskipTests install`:
//   jshell --feedback quantfolio examples/quantfolio.jsh
// Puts the self-contained examples jar (all modules + dependencies) on the class path, imports
// the public packages (core, indicators, risk, optimize, backtest, trading, core.adapters, store) and loads the built-in simulated market.
// Feedback mode 'quantfolio' prints values whole: JShell's normal mode cuts a variable's value
// after 80 characters and an expression's after 1000, which hides most of a frame, report or
// portfolio table; `--feedback quantfolio` above selects it. (JShell
// 17 installs its predefined modes only after this script has run, so the mode cannot copy
// 'normal' and is defined whole here.)
/set mode quantfolio -command
/set prompt quantfolio "\njshell> " "   ...> "
/set format quantfolio display "{name} ==> {value}%n" expression,varvalue
/set format quantfolio display "{name} ==> {value}%n" added,modified,replaced-varinit
/set format quantfolio display "|  defined {name}%n" added,modified,replaced-class,interface,enum,record,method
/set truncation quantfolio 1000000
import io.github.quantfolio.core.*;
import io.github.quantfolio.indicators.*;
import io.github.quantfolio.risk.*;
import io.github.quantfolio.optimize.*;
import io.github.quantfolio.backtest.*;
import io.github.quantfolio.trading.*;
import io.github.quantfolio.report.*;
import io.github.quantfolio.core.adapters.*;
import io.github.quantfolio.store.*;
import java.time.*;
import java.nio.file.*;
var market = MarketSimulator.defaultMarket();
var prices = market.prices();
var returns = prices.returns();
System.out.println("Quantfolio ready: market, prices and returns are loaded. Try: prices.resample(Frequency.MONTHLY).tail(3)");
System.out.println("(Values print whole when JShell was started with --feedback quantfolio; otherwise use System.out.println(x).)");
