package org.twinbench.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Reads the JSON files a user hands TwinBench (scenarios, stories, model cards, ONNX sidecars) with
 * limits and strictness no file of ours needs relaxed: at most {@value #MAX_DEPTH} levels of nesting,
 * numbers of at most {@value #MAX_NUMBER_LENGTH} characters, strings of at most
 * {@value #MAX_STRING_LENGTH} characters, a document no longer than its caller's limit, no key twice
 * in one object, and nothing after the document (a second document would otherwise be ignored
 * silently). Every problem is one line naming the file and, when the parser knows it, the line and
 * column (Jackson gives no location for a broken limit; the parser's position is used instead).
 */
public final class StrictJson {

    public static final int MAX_DEPTH = 64;
    public static final int MAX_NUMBER_LENGTH = 64;
    public static final int MAX_STRING_LENGTH = 1 << 20;

    private StrictJson() {
    }

    /**
     * Reads {@code file} (a regular file of at most {@code maxBytes} bytes) as one JSON document;
     * problems become {@code error.apply(message)}.
     */
    public static JsonNode read(Path file, long maxBytes, Function<String, ? extends RuntimeException> error) {
        String problem = InputFiles.problem(file);
        if (problem != null) {
            throw error.apply(file + ": " + problem);
        }
        byte[] bytes;
        try {
            if (Files.size(file) > maxBytes) {
                throw error.apply(file + ": larger than " + size(maxBytes) + "; refused");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw error.apply(file + ": cannot read: " + e.getMessage());
        }
        return parse(bytes, maxBytes, file.toString(), error);
    }

    /** Parses {@code bytes} as one JSON document from {@code source} (named in every message). */
    public static JsonNode parse(byte[] bytes, long maxBytes, String source,
                                 Function<String, ? extends RuntimeException> error) {
        if (bytes.length > maxBytes) {
            throw error.apply(source + ": larger than " + size(maxBytes) + "; refused");
        }
        ObjectMapper mapper = mapper(maxBytes);
        try (JsonParser parser = mapper.createParser(bytes)) {
            JsonNode root;
            try {
                root = mapper.readTree(parser);
            } catch (JsonProcessingException e) {
                throw error.apply(source + position(e.getLocation(), parser) + ": not valid JSON: " + reason(e));
            }
            if (root == null || root.isMissingNode()) {
                throw error.apply(source + ": empty; not a JSON document");
            }
            try {
                if (parser.nextToken() != null) {
                    throw error.apply(source + position(null, parser)
                            + ": more content after the end of the JSON document; a file holds one document");
                }
            } catch (JsonProcessingException e) {
                throw error.apply(source + position(e.getLocation(), parser)
                        + ": more content after the end of the JSON document; a file holds one document");
            }
            return root;
        } catch (IOException e) {
            throw error.apply(source + ": cannot read: " + e.getMessage());
        }
    }

    private static ObjectMapper mapper(long maxBytes) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH).maxStringLength(MAX_STRING_LENGTH)
                        .maxDocumentLength(maxBytes).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return new ObjectMapper(factory);
    }

    private static String position(JsonLocation location, JsonParser parser) {
        JsonLocation where = location != null && location.getLineNr() > 0 ? location : parser.currentLocation();
        return where == null || where.getLineNr() <= 0 ? "" : ":" + where.getLineNr() + ":" + where.getColumnNr();
    }

    /** Jackson's reason on one line, without its pointers into its own API and source excerpts. */
    private static String reason(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        message = message.replaceAll(",? ?from `[^`]*`", "").replaceAll("\\(for [^)]*\\)", "");
        int newline = message.indexOf('\n');
        message = newline < 0 ? message : message.substring(0, newline);
        return message.replaceAll("\\p{Cntrl}", "?").strip();
    }

    private static String size(long bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MiB" : bytes >= 1 << 10 ? (bytes >> 10) + " KiB" : bytes + " bytes";
    }
}
