package io.latentlab.core;

/** Holds a contribution's id, name, doc and schema, so that a factory only implements {@code create}. */
public abstract class AbstractContribution implements Contribution {

    private final String id;
    private final String name;
    private final String doc;
    private final ParameterSchema schema;

    /**
     * @param id the stable id
     * @param name the human name
     * @param doc one line
     * @param schema the parameters
     */
    protected AbstractContribution(String id, String name, String doc, ParameterSchema schema) {
        this.id = id;
        this.name = name;
        this.doc = doc;
        this.schema = schema;
    }

    /**
     * @param id the stable id
     * @param name the human name
     * @param doc one line
     * @param settings the settings record declaring the parameters ({@link Setting}); {@code create}
     *        reads it with {@link Parameters#as(Class)}
     */
    protected AbstractContribution(String id, String name, String doc, Class<? extends Record> settings) {
        this(id, name, doc, TypedSettings.schema(settings));
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String doc() {
        return doc;
    }

    @Override
    public final ParameterSchema schema() {
        return schema;
    }

    @Override
    public String toString() {
        return id;
    }
}
