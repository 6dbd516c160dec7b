package org.twinbench.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.InvalidObjectException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The allow-list through which a bundle's {@code model.bin} is deserialised: Smile's model classes
 * and the few JDK value classes they hold, with limits on depth, references, array length and bytes.
 * Everything else is rejected before it is instantiated, so a crafted file cannot run code through a
 * deserialisation gadget.
 *
 * <p>The limits come from what a model needs and from the bytes actually present, not from round
 * numbers: every object, reference and array element takes at least one byte of the stream, so none
 * of their counts can honestly exceed the binary's length; a fitted Smile tree nests one level per
 * tree level, so {@value #MAX_DEPTH} levels hold the deepest tree TwinBench grows
 * ({@code ModelTrainer.MAX_DEPTH}) with room to spare (measured: 25 for a depth-20 forest). Nested
 * collections get a limit of their own ({@value #MAX_NESTED_COLLECTIONS}; a model holds one level of
 * maps): hashing a set of sets costs twice its inner sets, so 100 nested sets of a few kilobytes
 * ("SerialDOS") would otherwise keep a core busy for ever, well within the depth limit.
 */
final class ModelBinaryFilter implements ObjectInputFilter {

    static final long MAX_DEPTH = 64;
    static final int MAX_NESTED_COLLECTIONS = 8;

    /** Package prefixes (ending in '.') and exact class names that may appear in a model. */
    private static final List<String> ALLOWED = List.of(
            "smile.classification.", "smile.base.cart.", "smile.data.formula.", "smile.data.type.",
            "smile.data.measure.", "smile.regression.", "smile.validation.metric.", "smile.util.IntSet",
            "smile.validation.ClassificationMetrics", "smile.validation.RegressionMetrics",
            "java.lang.Number", "java.lang.Integer", "java.lang.Long", "java.lang.Double", "java.lang.Float",
            "java.lang.Short", "java.lang.Byte", "java.lang.Boolean", "java.lang.Character", "java.lang.String",
            "java.lang.Enum", "java.util.ArrayList", "java.util.HashMap", "java.util.Map$Entry", "java.util.LinkedHashMap",
            "java.util.TreeMap", "java.util.HashSet", "java.util.Arrays$ArrayList", "java.util.Collections$",
            "java.util.ImmutableCollections$", "java.util.Optional", "java.util.BitSet", "java.util.Locale",
            "java.text.DecimalFormat", "java.text.NumberFormat", "java.text.Format", "java.text.DecimalFormatSymbols",
            "java.math.BigInteger", "java.math.BigDecimal");

    private final long maxBytes;
    private String rejected;
    private String limit;

    /** A filter for a stream of {@code maxBytes} bytes. */
    ModelBinaryFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The first class the filter refused, or null. */
    String rejected() {
        return rejected;
    }

    /** The first limit the stream went past ("nesting deeper than 64 levels", ...), or null. */
    String limit() {
        return limit;
    }

    @Override
    public Status checkInput(FilterInfo info) {
        String past = info.depth() > MAX_DEPTH ? "objects nested deeper than " + MAX_DEPTH + " levels"
                : info.references() > maxBytes ? "more object references than its " + maxBytes + " bytes can hold"
                : info.arrayLength() > maxBytes ? "an array of " + info.arrayLength() + " elements in " + maxBytes
                        + " bytes"
                : info.streamBytes() > maxBytes ? "more than its " + maxBytes + " bytes" : null;
        if (past != null) {
            limit = limit == null ? past : limit;
            return Status.REJECTED;
        }
        Class<?> type = info.serialClass();
        if (type == null) {
            return Status.UNDECIDED;
        }
        while (type.isArray()) {
            type = type.getComponentType();
        }
        if (type.isPrimitive() || allowed(type.getName())) {
            return Status.ALLOWED;
        }
        rejected = rejected == null ? type.getName() : rejected;
        return Status.REJECTED;
    }

    /**
     * An object stream that checks each class name against the allow-list before it asks a class
     * loader for it: the filter alone runs after the class is resolved, so a foreign class would be
     * loaded (though not initialised) before being refused. Here it is never loaded at all. It also
     * measures how deeply collections nest as each one is completed, before an enclosing set or map
     * hashes it (the filter is not told the class of an object whose class it has already seen).
     */
    static final class Input extends ObjectInputStream {
        private final ModelBinaryFilter filter;
        private final Map<Object, Integer> nesting = new IdentityHashMap<>();

        Input(InputStream in, ModelBinaryFilter filter) throws IOException {
            super(in);
            this.filter = filter;
            setObjectInputFilter(filter);
            enableResolveObject(true);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            String name = desc.getName();
            String element = name.replaceFirst("^\\[+", "");
            boolean primitiveArray = element.length() == 1 && name.startsWith("[");
            if (element.startsWith("L") && element.endsWith(";") && name.startsWith("[")) {
                element = element.substring(1, element.length() - 1);
            }
            if (!primitiveArray && !allowed(element)) {
                filter.rejected = filter.rejected == null ? element : filter.rejected;
                throw new InvalidClassException(element, "not allowed in a model");
            }
            return super.resolveClass(desc);
        }

        @Override
        protected Class<?> resolveProxyClass(String[] interfaces) throws InvalidClassException {
            filter.rejected = filter.rejected == null ? "a dynamic proxy" : filter.rejected;
            throw new InvalidClassException("a dynamic proxy is not allowed in a model");
        }

        @Override
        protected Object resolveObject(Object object) throws IOException {
            int levels = 0;
            if (object instanceof Collection<?> collection) {
                levels = 1 + deepest(collection);
            } else if (object instanceof Map<?, ?> map) {
                levels = 1 + Math.max(deepest(map.keySet()), deepest(map.values()));
            }
            if (levels > MAX_NESTED_COLLECTIONS) {
                filter.limit = filter.limit == null ? "collections nested more than " + MAX_NESTED_COLLECTIONS
                        + " deep" : filter.limit;
                throw new InvalidObjectException("collections nested too deep");
            }
            if (levels > 0) {
                nesting.put(object, levels);
            }
            return object;
        }

        /** The deepest nesting among the elements, each completed (and measured) before this collection. */
        private int deepest(Collection<?> elements) {
            int deepest = 0;
            for (Object element : elements) {
                deepest = Math.max(deepest, nesting.getOrDefault(element, 0));
            }
            return deepest;
        }
    }

    static boolean allowed(String name) {
        for (String entry : ALLOWED) {
            if (entry.endsWith(".") || entry.endsWith("$") ? name.startsWith(entry) : name.equals(entry)) {
                return true;
            }
        }
        return false;
    }
}
