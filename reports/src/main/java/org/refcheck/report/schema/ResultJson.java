package org.refcheck.report.schema;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reads and writes {@link RunReport} documents ({@code results.json}).
 *
 * <p>Reading is strict: a missing file, a truncated or malformed document, another schema or another schema version,
 * an unknown field and a missing required field are all refused with a {@link ResultFileException} whose message is
 * one line naming the file, and where known the line and column, and the problem. Writing goes to a temporary file
 * beside the target that is then moved over it, so a reader never sees half a document.
 */
public final class ResultJson {

    /*
     * Implementation notes. Jackson binds the schema's records directly (their compact constructors validate, and a
     * validation failure surfaces as a ValueInstantiationException whose cause carries our message). The version is
     * checked on the tree before binding, so that a version-2 document is refused as such rather than as "unknown
     * field". Only record components are properties (is-getters such as CatalogueRow.isMutant() are
     * derived, not stored). Output is pretty-printed with keys in record order, so that two runs diff well.
     */

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .build();

    private ResultJson() {
    }

    /** The document as JSON text. */
    public static String toJson(RunReport report) {
        try {
            return MAPPER.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the run report: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes the document to {@code file} (through a temporary file and a move). */
    public static void write(RunReport report, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".part");
        try {
            Files.writeString(temp, toJson(report), StandardCharsets.UTF_8);
            readableByAll(temp);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Temporary files are created owner-only; a results document is for everyone who reads the build's output. */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            // the file system's default permissions apply
        }
    }

    /** Reads a document from {@code file}. */
    public static RunReport read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ResultFileException(file, "no such file");
        } catch (IOException e) {
            throw new ResultFileException(file, "cannot read it: " + e.getMessage());
        }
        return parse(file, text);
    }

    /** Parses a document; {@code origin} names it in error messages. */
    public static RunReport parse(Path origin, String text) {
        if (text.isBlank()) {
            throw new ResultFileException(origin, "the file is empty");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ResultFileException(origin, where(e) + "not valid JSON: " + firstLine(e.getOriginalMessage()));
        }
        if (!tree.isObject() || !RunReport.SCHEMA_NAME.equals(tree.path("schema").asText(null))) {
            throw new ResultFileException(origin, "not a refcheck results document (no \"schema\": \""
                    + RunReport.SCHEMA_NAME + "\")");
        }
        JsonNode version = tree.path("schemaVersion");
        if (!version.isInt() || version.intValue() != RunReport.SCHEMA_VERSION) {
            throw new ResultFileException(origin, "schema version " + (version.isMissingNode() ? "missing" : version)
                    + ", but this refcheck reads version " + RunReport.SCHEMA_VERSION);
        }
        try {
            return MAPPER.treeToValue(tree, RunReport.class);
        } catch (JsonProcessingException e) {
            throw new ResultFileException(origin, problem(e));
        } catch (IllegalArgumentException e) {
            throw new ResultFileException(origin, firstLine(e.getMessage()));
        }
    }

    private static String problem(JsonProcessingException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String path = e instanceof com.fasterxml.jackson.databind.JsonMappingException m ? m.getPathReference() : "";
        String message = root instanceof JsonProcessingException p ? p.getOriginalMessage() : root.getMessage();
        return (path == null || path.isEmpty() ? "" : "at " + shortPath(path) + ": ") + firstLine(message);
    }

    /** Jackson's path reference without class names: {@code checks[3]->verdict}. */
    private static String shortPath(String reference) {
        return reference.replaceAll("[\\w.$]+\\[\"(\\w+)\"]", "$1").replaceAll("java\\.util\\.\\w+\\[(\\d+)]", "[$1]")
                .replace("->[", "[");
    }

    private static String where(JsonProcessingException e) {
        JsonLocation l = e.getLocation();
        return l == null ? "" : "line " + l.getLineNr() + ", column " + l.getColumnNr() + ": ";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown problem";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
