package org.twinbench.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.util.List;

/**
 * The allow-list through which a bundle's {@code model.bin} is deserialised: Smile's model classes
 * and the few JDK value classes they hold, with limits on depth, references, array length and bytes.
 * Everything else is rejected before it is instantiated, so a crafted file cannot run code through a
 * deserialisation gadget.
 */
final class ModelBinaryFilter implements ObjectInputFilter {

    static final long MAX_DEPTH = 200;
    static final long MAX_REFERENCES = 50_000_000;
    static final long MAX_ARRAY = 100_000_000;

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

    ModelBinaryFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The first class the filter refused, or null. */
    String rejected() {
        return rejected;
    }

    @Override
    public Status checkInput(FilterInfo info) {
        if (info.depth() > MAX_DEPTH || info.references() > MAX_REFERENCES || info.streamBytes() > maxBytes
                || info.arrayLength() > MAX_ARRAY) {
            rejected = rejected == null ? "(size limits)" : rejected;
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
     * loaded (though not initialised) before being refused. Here it is never loaded at all.
     */
    static final class Input extends ObjectInputStream {
        private final ModelBinaryFilter filter;

        Input(InputStream in, ModelBinaryFilter filter) throws IOException {
            super(in);
            this.filter = filter;
            setObjectInputFilter(filter);
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
