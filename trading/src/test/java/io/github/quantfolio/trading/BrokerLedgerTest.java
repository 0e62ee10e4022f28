package io.github.quantfolio.trading;

import static io.github.quantfolio.trading.Tolerance.EXACT;
import static io.github.quantfolio.trading.Tolerance.assertNear;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.MarketSimulator;
import io.github.quantfolio.core.SimulatedMarket;
import io.github.quantfolio.core.adapters.FeeModel;
import io.github.quantfolio.core.adapters.OhlcBar;
import io.github.quantfolio.core.adapters.OrderRequest;
import io.github.quantfolio.core.adapters.PaperBroker;
import io.github.quantfolio.core.adapters.Position;
import io.github.quantfolio.core.adapters.Side;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A ledger fed only by a broker's fill events keeps the broker's book: a bar-driven paper broker
 * with fees, shorts, partial fills and stops trades two simulated assets for a year, and the
 * ledger's cash and positions equal the broker's at every bar.
 */
class BrokerLedgerTest {

  @Test
  void aLedgerOnFillEventsMatchesTheBroker() {
    SimulatedMarket market = MarketSimulator.defaultMarket();
    List<String> symbols = List.of("A01", "A02");
    Map<String, Bars> bars = new HashMap<>();
    symbols.forEach(s -> bars.put(s, market.bars(s)));
    Instant start = bars.get("A01").index().instant(0);
    PaperBroker broker = PaperBroker.builder(1_000_000).barDriven().withShorts()
        .withBarParticipation(0.002).withFees(FeeModel.bps(5).withMinimum(1)).build();
    Ledger ledger = Ledger.open(start, 1_000_000,
        LedgerOptions.defaults().withShorts().withLotMethod(LotMethod.LIFO));
    broker.addFillListener(ledger::record);
    int orders = 0;
    for (int t = 0; t < 252; t++) {
      for (String s : symbols) {
        Bars b = bars.get(s);
        broker.updateBar(new OhlcBar(s, b.index().instant(t), b.open()[t], b.high()[t],
            b.low()[t], b.close()[t], b.volume()[t]));
        ledger.mark(s, b.close()[t], b.index().instant(t));
        if (t % 10 == 0) { // every ten days: a market order, and a stop on the other side
          Side side = (t / 10) % 3 == 0 ? Side.SELL : Side.BUY;
          broker.submit(OrderRequest.market("m" + orders++, s, side, 5000));
          double c = b.close()[t];
          broker.submit(side == Side.BUY
              ? OrderRequest.stop("s" + orders++, s, Side.SELL, 1000, 0.97 * c)
              : OrderRequest.stop("s" + orders++, s, Side.BUY, 1000, 1.03 * c));
        }
      }
      assertNear(broker.account().cash(), ledger.cash(), EXACT * 1e6, "cash at bar " + t);
      Map<String, Double> held = new HashMap<>();
      for (Position p : broker.positions()) {
        held.put(p.symbol(), p.quantity());
      }
      for (String s : symbols) {
        assertNear(held.getOrDefault(s, 0.0), ledger.position(s), EXACT, s + " at bar " + t);
      }
    }
    LedgerSnapshot snap = ledger.snapshot();
    assertNear(broker.account().equity(), snap.nav(), EXACT * 1e6, "NAV = broker equity");
    assertEquals(true, ledger.roundTrips().size() > 10, "the year closed round trips");
    List<String> filledIds = ledger.history().stream()
        .filter(e -> e instanceof LedgerEvent.Trade)
        .map(e -> ((LedgerEvent.Trade) e).fill().clientOrderId()).toList();
    assertEquals(true, filledIds.size() > filledIds.stream().distinct().count(),
        "some orders filled in parts: " + filledIds.size() + " fills");
  }
}
