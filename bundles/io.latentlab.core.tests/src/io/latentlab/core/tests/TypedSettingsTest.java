package io.latentlab.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.latentlab.core.ContributionKind;
import io.latentlab.core.InvalidParametersException;
import io.latentlab.core.ParameterSchema;
import io.latentlab.core.ParameterSpec;
import io.latentlab.core.ParameterType;
import io.latentlab.core.Parameters;
import io.latentlab.core.Setting;
import io.latentlab.core.TypedSettings;

/** A settings record is the one declaration: schema, defaults, ranges, names and typed values all come from it. */
class TypedSettingsTest {

    enum Interpolation {
        NEAREST, BILINEAR
    }

    record Everything(
            @Setting(doc = "step size", defaultValue = "0.01", min = 0, max = 10) double learningRate,
            @Setting(doc = "outputs", min = 1, max = 1 << 20, unit = "units") long units,
            @Setting(doc = "small count", defaultValue = "3", min = 0, max = 9) int count,
            @Setting(doc = "decay", defaultValue = "0.9", min = 0, max = 1) double beta1,
            @Setting(doc = "add a bias", defaultValue = "true") boolean useBias,
            @Setting(doc = "how pixels are filled", defaultValue = "bilinear") Interpolation interpolation,
            @Setting(doc = "a word", defaultValue = "b", choices = {"a", "b"}) String word,
            @Setting(doc = "free text", defaultValue = "") String note,
            @Setting(doc = "a loss", defaultValue = "bce", contribution = "loss") String loss,
            @Setting(doc = "kernel", defaultValue = "[3, 5]", min = 1, unit = "px") List<Long> kernel,
            @Setting(doc = "renamed", defaultValue = "1", name = "k") long someOtherName) {
    }

    @Test
    void theSchemaComesFromTheRecord() {
        ParameterSchema schema = TypedSettings.schema(Everything.class);
        assertEquals(List.of("learning_rate", "units", "count", "beta_1", "use_bias", "interpolation", "word", "note", "loss",
                "kernel", "k"), schema.specs().stream().map(ParameterSpec::name).toList());
        ParameterSpec rate = schema.spec("learning_rate").orElseThrow();
        assertEquals(new ParameterSpec("learning_rate", ParameterType.NUMBER, 0.01, 0.0, 10.0, List.of(), "", "step size"),
                rate);
        ParameterSpec units = schema.spec("units").orElseThrow();
        assertEquals(ParameterType.INTEGER, units.type());
        assertTrue(units.required());
        assertEquals("units", units.unit());
        assertEquals(List.of("nearest", "bilinear"), schema.spec("interpolation").orElseThrow().choices());
        assertEquals("bilinear", schema.spec("interpolation").orElseThrow().defaultValue());
        assertEquals(ParameterType.CHOICE, schema.spec("word").orElseThrow().type());
        assertEquals(ParameterType.TEXT, schema.spec("note").orElseThrow().type());
        assertEquals(ContributionKind.LOSS, schema.spec("loss").orElseThrow().kind());
        assertEquals(List.of(3L, 5L), schema.spec("kernel").orElseThrow().defaultValue());
        assertTrue(schema == TypedSettings.schema(Everything.class), "made once per record");
    }

    @Test
    void valuesComeBackTyped() {
        Parameters given = TypedSettings.schema(Everything.class).resolve("layer 'x'", Map.of("units", 64,
                "beta1", 0.8, "interpolation", "nearest", "kernel", 7, "k", 4));
        Everything settings = given.as(Everything.class);
        assertEquals(new Everything(0.01, 64, 3, 0.8, true, Interpolation.NEAREST, "b", "", "bce", List.of(7L), 4),
                settings);
        assertEquals(0.8, given.getDouble("beta_1"), "the untyped view stays");
    }

    @Test
    void badValuesAreReportedByTheirExperimentNames() {
        InvalidParametersException e = assertThrows(InvalidParametersException.class, () -> TypedSettings
                .schema(Everything.class).resolve("layer 'x'", Map.of("learning_rate", 11, "interpolation", "cubic",
                        "use_bais", false)));
        assertTrue(e.getMessage().contains("'learning_rate' must be a number in [0, 10], not 11"), e.getMessage());
        assertTrue(e.getMessage().contains("'interpolation' must be one of nearest, bilinear, not 'cubic'"), e.getMessage());
        assertTrue(e.getMessage().contains("'units' is required"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown parameter 'use_bais'; did you mean 'use_bias'?"), e.getMessage());
    }

    @Test
    void sharedSettingsWithOtherDefaults() {
        ParameterSchema schema = TypedSettings.schema(Everything.class).withDefaults(Map.of("learning_rate", 0.5));
        assertEquals(0.5, schema.spec("learning_rate").orElseThrow().defaultValue());
        assertEquals(0.01, TypedSettings.schema(Everything.class).spec("learning_rate").orElseThrow().defaultValue(),
                "the record's own schema is unchanged");
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> TypedSettings.schema(Everything.class).withDefaults(Map.of("learning_rate", 50)));
        assertTrue(range.getMessage().contains("is not a number in [0, 10]"), range.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> TypedSettings.schema(Everything.class).withDefaults(Map.of("no_such", 1)));
    }

    record Unannotated(double rate) {
    }

    record BadDefault(@Setting(doc = "d", defaultValue = "ten") double rate) {
    }

    record RequiredBoolean(@Setting(doc = "b") boolean flag) {
    }

    record UnknownKind(@Setting(doc = "k", defaultValue = "x", contribution = "metric") String id) {
    }

    record Unsupported(@Setting(doc = "m", defaultValue = "1") Map<String, Long> values) {
    }

    @Test
    void wrongDeclarationsNameTheComponent() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TypedSettings.schema(Unannotated.class))
                .getMessage().contains("Unannotated.rate has no @Setting"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TypedSettings.schema(BadDefault.class))
                .getMessage().contains("BadDefault.rate: defaultValue \"ten\" is not a double"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TypedSettings.schema(RequiredBoolean.class))
                .getMessage().contains("a boolean setting needs defaultValue"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TypedSettings.schema(UnknownKind.class))
                .getMessage().contains("contribution = \"metric\" is not a kind"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TypedSettings.schema(Unsupported.class))
                .getMessage().contains("a setting is a long, int, double, boolean, enum, String or List<Long>"));
    }
}
