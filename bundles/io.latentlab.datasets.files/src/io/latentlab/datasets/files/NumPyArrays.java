package io.latentlab.datasets.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import io.latentlab.core.data.DatasetException;

/**
 * NumPy's {@code .npy} and {@code .npz} files (format versions 1 to 3), read strictly: the
 * header's shape and dtype must account for every byte of data, and anything this cannot read
 * (big-endian, Fortran order, object arrays) is refused naming the file and what to do. Values
 * come back as float; written arrays are little-endian float32 ({@code <f4}), C order.
 */
public final class NumPyArrays {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /**
     * One array.
     *
     * @param shape its shape, C order (row-major)
     * @param dtype NumPy's type as the file said it, e.g. {@code <f4} or {@code |u1}
     * @param values every element, as float
     */
    public record Array(long[] shape, String dtype, float[] values) {

        /** @return the number of elements along the first axis (0 for a scalar) */
        public long length() {
            return shape.length == 0 ? 0 : shape[0];
        }

        /** @return whether the file stored whole numbers (int or uint) */
        public boolean integral() {
            return dtype.length() >= 2 && (dtype.charAt(1) == 'u' || dtype.charAt(1) == 'i');
        }
    }

    private NumPyArrays() {
    }

    /**
     * @param file a {@code .npy} file
     * @return its array
     * @throws DatasetException naming the file and what is wrong with it
     */
    public static Array readNpy(Path file) throws DatasetException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(file.toString(), in.readAllBytes());
        } catch (IOException e) {
            throw new DatasetException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /**
     * @param file a {@code .npz} file ({@code np.savez} or {@code np.savez_compressed})
     * @return its arrays by name (the entry names without {@code .npy}), in file order
     * @throws DatasetException naming the file, and the entry, and what is wrong
     */
    public static Map<String, Array> readNpz(Path file) throws DatasetException {
        Map<String, Array> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory() || !entry.getName().endsWith(".npy")) {
                    continue;
                }
                String name = entry.getName().substring(0, entry.getName().length() - ".npy".length());
                try (InputStream in = zip.getInputStream(entry)) {
                    arrays.put(name, parse(file + " (array '" + name + "')", in.readAllBytes()));
                }
            }
        } catch (ZipException e) {
            throw new DatasetException(file + " is not an .npz (zip) file: " + e.getMessage());
        } catch (IOException e) {
            throw new DatasetException("cannot read " + file + ": " + e.getMessage());
        }
        if (arrays.isEmpty()) {
            throw new DatasetException(file + " holds no .npy arrays");
        }
        return arrays;
    }

    /** Parses one .npy image; {@code where} names it in messages. */
    static Array parse(String where, byte[] bytes) throws DatasetException {
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new DatasetException(where + " is not a NumPy .npy array (it does not start with \\x93NUMPY)");
        }
        int major = bytes[6] & 0xff;
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength;
        int headerStart;
        if (major == 1) {
            headerLength = buffer.getShort(8) & 0xffff;
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new DatasetException(where + ": the file ends inside its header");
            }
            headerLength = buffer.getInt(8) & 0xffffffffL;
            headerStart = 12;
        } else {
            throw new DatasetException(where + ": .npy format version " + major + " is not one this reads (1 to 3)");
        }
        if (headerStart + headerLength > bytes.length) {
            throw new DatasetException(where + ": the file ends inside its header (" + headerLength + " bytes announced)");
        }
        String header = new String(bytes, headerStart, (int) headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shapeText = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shapeText.find()) {
            throw new DatasetException(where + ": the header is not a NumPy array header: " + header.strip());
        }
        String dtype = descr.group(1);
        if ("True".equals(fortran.group(1))) {
            throw new DatasetException(where + " is in Fortran (column-major) order; save it in C order, e.g."
                    + " np.save(file, np.ascontiguousarray(a))");
        }
        long[] shape = shape(where, shapeText.group(1));
        int itemSize = itemSize(where, dtype);
        long count = 1;
        for (long dimension : shape) {
            count = Math.multiplyExact(count, dimension);
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw new DatasetException(where + ": " + count + " values are more than one array holds here (2^31)");
        }
        long data = bytes.length - headerStart - headerLength;
        long needed = count * itemSize;
        if (data != needed) {
            throw new DatasetException(where + ": the header says shape " + Arrays.toString(shape) + " of " + dtype + ", "
                    + needed + " bytes of data, but the file holds " + data + (data < needed ? " (truncated?)" : ""));
        }
        buffer.position(headerStart + (int) headerLength);
        float[] values = new float[(int) count];
        char kind = dtype.charAt(1);
        for (int i = 0; i < values.length; i++) {
            double value = switch (itemSize) {
                case 1 -> kind == 'u' ? buffer.get() & 0xff : buffer.get();
                case 2 -> kind == 'u' ? buffer.getShort() & 0xffff : buffer.getShort();
                case 4 -> kind == 'f' ? buffer.getFloat() : kind == 'u' ? buffer.getInt() & 0xffffffffL : buffer.getInt();
                default -> kind == 'f' ? buffer.getDouble() : buffer.getLong();
            };
            float narrowed = (float) value;
            if (!Float.isFinite(narrowed)) {
                throw new DatasetException(where + ": value " + i + " is " + value + ", not a finite float"
                        + " (NaN, infinite, or beyond float's range)");
            }
            values[i] = narrowed;
        }
        return new Array(shape, dtype, values);
    }

    private static long[] shape(String where, String text) throws DatasetException {
        String[] parts = text.split(",");
        long[] shape = new long[(int) Arrays.stream(parts).filter(p -> !p.isBlank()).count()];
        int i = 0;
        for (String part : parts) {
            if (part.isBlank()) {
                continue;
            }
            try {
                shape[i++] = Long.parseLong(part.strip().replace("L", ""));
            } catch (NumberFormatException e) {
                throw new DatasetException(where + ": the shape (" + text + ") is not a list of sizes");
            }
        }
        return shape;
    }

    /** @return the bytes per element of a dtype this reads, else a message saying which it reads */
    private static int itemSize(String where, String dtype) throws DatasetException {
        if (dtype.length() == 3 && dtype.charAt(0) == '>' && dtype.charAt(2) != '1') {
            throw new DatasetException(where + " is big-endian (" + dtype + "); save it little-endian, e.g."
                    + " a.astype(a.dtype.newbyteorder('<'))");
        }
        return switch (dtype.length() == 3 ? dtype.substring(1) : "") {
            case "f4", "i4", "u4" -> 4;
            case "f8", "i8" -> 8;
            case "u1", "i1", "b1" -> 1;
            case "i2", "u2" -> 2;
            default -> throw new DatasetException(where + " holds " + dtype + " values; this reads float32, float64,"
                    + " uint8 and the other integer types (save with a.astype(np.float32))");
        };
    }

    /**
     * Writes arrays as an uncompressed {@code .npz}, each as float32 ({@code np.load(file)} reads it).
     *
     * @param file the file to write
     * @param arrays the arrays by name
     * @throws IOException if it cannot be written
     */
    public static void writeNpz(Path file, Map<String, Array> arrays) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, Array> array : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(array.getKey() + ".npy"));
                zip.write(npy(array.getValue()));
                zip.closeEntry();
            }
        }
    }

    /** @return the .npy bytes of an array, float32, C order, format 1.0 with the header padded to 64 bytes */
    static byte[] npy(Array array) {
        StringBuilder shape = new StringBuilder("(");
        for (long dimension : array.shape()) {
            shape.append(dimension).append(", ");
        }
        if (array.shape().length == 1) {
            shape.setLength(shape.length() - 1); // (n,)
        } else if (array.shape().length > 1) {
            shape.setLength(shape.length() - 2);
        }
        shape.append(')');
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }";
        int unpadded = MAGIC.length + 4 + header.length() + 1;
        header = header + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(MAGIC);
        bytes.write(1);
        bytes.write(0);
        bytes.write(header.length() & 0xff);
        bytes.write(header.length() >> 8);
        bytes.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        ByteBuffer data = ByteBuffer.allocate(array.values().length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : array.values()) {
            data.putFloat(value);
        }
        bytes.writeBytes(data.array());
        return bytes.toByteArray();
    }
}
