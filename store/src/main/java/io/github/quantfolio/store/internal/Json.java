package io.github.quantfolio.store.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.github.quantfolio.backtest.MarginTerms;
import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.Weights;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The store's JSON codec (Jackson): records by their components, enums by name, {@code Instant}
 * as ISO-8601 text, {@code Frequency} as {@code {name, periodsPerYear, barMillis}}, {@code Weights}
 * as {@code {assets, weights}}. Non-finite doubles are written as the strings {@code "NaN"},
 * {@code "Infinity"} and {@code "-Infinity"} and read back exactly (JSON has no such numbers);
 * finite doubles round-trip exactly (shortest representation). Unknown properties are an error.
 */
public final class Json {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(module())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  private Json() {
  }

  /**
   * The value as JSON text.
   *
   * @param value a record, enum, list, map, array, string, number, boolean or null
   * @return the JSON text
   * @throws IllegalArgumentException if the value cannot be written as JSON (the message says why)
   */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write a " + (value == null ? "null"
          : value.getClass().getName()) + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Reads JSON text as {@code type}.
   *
   * @param json the text
   * @param type the class to read
   * @param <T> the type
   * @return the value
   * @throws IllegalStateException if the text does not fit the type (a corrupt store)
   */
  public static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored JSON does not read as a " + type.getName() + ": "
          + e.getOriginalMessage() + " in " + abbreviate(json), e);
    }
  }

  /**
   * Reads JSON text as a list of {@code element}.
   *
   * @param json the text of an array
   * @param element the element class
   * @param <T> the element type
   * @return the list
   */
  public static <T> List<T> readList(String json, Class<T> element) {
    JavaType t = MAPPER.getTypeFactory().constructCollectionType(List.class, element);
    try {
      return MAPPER.readValue(json, t);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored JSON does not read as a list of " + element.getName()
          + ": " + e.getOriginalMessage() + " in " + abbreviate(json), e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }

  /** A frequency rebuilt from its name, periods per year and bar size. */
  static Frequency frequency(String name, double periodsPerYear, Long barMillis) {
    for (Frequency f : new Frequency[] {Frequency.DAILY, Frequency.DAILY_365, Frequency.WEEKLY,
        Frequency.MONTHLY, Frequency.QUARTERLY, Frequency.ANNUAL, Frequency.MINUTE,
        Frequency.MINUTE_5, Frequency.MINUTE_15, Frequency.MINUTE_30, Frequency.HOURLY}) {
      if (f.name().equals(name) && f.periodsPerYear() == periodsPerYear) {
        return f;
      }
    }
    if (barMillis != null) {
      Frequency f = Frequency.intraday(Duration.ofMillis(barMillis));
      if (f.periodsPerYear() == periodsPerYear) {
        return f;
      }
    }
    return Frequency.of(periodsPerYear);
  }

  private static SimpleModule module() {
    SimpleModule m = new SimpleModule("quantfolio-store");
    m.addSerializer(Instant.class, new JsonSerializer<>() {
      @Override
      public void serialize(Instant v, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeString(v.toString());
      }
    });
    m.addDeserializer(Instant.class, new JsonDeserializer<>() {
      @Override
      public Instant deserialize(JsonParser p, DeserializationContext c) throws IOException {
        return Instant.parse(p.getValueAsString());
      }
    });
    m.addSerializer(MarginTerms.class, new JsonSerializer<>() {
      @Override
      public void serialize(MarginTerms t, JsonGenerator g, SerializerProvider p)
          throws IOException {
        g.writeStartObject();
        if (t.hasMargin()) {
          g.writeNumberField("initial", t.defaultInitialMargin());
          g.writeNumberField("maintenance", t.defaultMaintenanceMargin());
          g.writeObjectFieldStart("assets");
          for (String a : t.assetsWithOwnMargins()) {
            g.writeArrayFieldStart(a);
            g.writeNumber(t.initialMargin(a));
            g.writeNumber(t.maintenanceMargin(a));
            g.writeEndArray();
          }
          g.writeEndObject();
        }
        g.writeNumberField("borrowRate", t.borrowRate());
        g.writeNumberField("shortRate", t.shortRate());
        g.writeNumberField("dayCountBasis", t.dayCountBasis());
        g.writeEndObject();
      }
    });
    m.addDeserializer(MarginTerms.class, new JsonDeserializer<>() {
      @Override
      public MarginTerms deserialize(JsonParser p, DeserializationContext c) throws IOException {
        JsonNode n = p.getCodec().readTree(p);
        MarginTerms t = n.has("initial") ? MarginTerms.of(n.get("initial").asDouble(),
            n.get("maintenance").asDouble()) : MarginTerms.none();
        JsonNode assets = n.get("assets");
        if (assets != null) {
          var it = assets.fields();
          while (it.hasNext()) {
            var e = it.next();
            t = t.withAsset(e.getKey(), e.getValue().get(0).asDouble(),
                e.getValue().get(1).asDouble());
          }
        }
        return t.withBorrowRate(n.get("borrowRate").asDouble())
            .withShortRate(n.get("shortRate").asDouble())
            .withDayCountBasis(n.get("dayCountBasis").asInt());
      }
    });
    m.addSerializer(Frequency.class, new JsonSerializer<>() {
      @Override
      public void serialize(Frequency f, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", f.name());
        g.writeNumberField("periodsPerYear", f.periodsPerYear());
        if (f.barSize() != null) {
          g.writeNumberField("barMillis", f.barSize().toMillis());
        }
        g.writeEndObject();
      }
    });
    m.addDeserializer(Frequency.class, new JsonDeserializer<>() {
      @Override
      public Frequency deserialize(JsonParser p, DeserializationContext c) throws IOException {
        JsonNode n = p.getCodec().readTree(p);
        JsonNode bar = n.get("barMillis");
        return frequency(n.get("name").asText(), n.get("periodsPerYear").asDouble(),
            bar == null ? null : bar.asLong());
      }
    });
    m.addSerializer(Weights.class, new JsonSerializer<>() {
      @Override
      public void serialize(Weights w, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeStartObject();
        g.writeObjectField("assets", w.assets());
        g.writeObjectField("weights", w.toArray());
        g.writeEndObject();
      }
    });
    m.addDeserializer(Weights.class, new JsonDeserializer<>() {
      @Override
      public Weights deserialize(JsonParser p, DeserializationContext c) throws IOException {
        JsonNode n = p.getCodec().readTree(p);
        List<String> assets = new ArrayList<>();
        n.get("assets").forEach(a -> assets.add(a.asText()));
        double[] w = new double[assets.size()];
        for (int i = 0; i < w.length; i++) {
          JsonNode v = n.get("weights").get(i);
          w[i] = v.isTextual() ? Double.parseDouble(v.asText()) : v.asDouble();
        }
        return Weights.of(assets, w);
      }
    });
    return m;
  }
}
