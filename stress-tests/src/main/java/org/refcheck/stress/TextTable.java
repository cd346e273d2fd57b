package org.refcheck.stress;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders rows of text as aligned columns, the way jcstress prints its console outcome tables
 * ({@code RESULT  SAMPLES  FREQ  EXPECT  DESCRIPTION}).
 *
 * <pre> {@code
 * String text = TextTable.render(List.of("RESULT", "SAMPLES"), rows, TextTable.RIGHT, TextTable.RIGHT);
 * }</pre>
 */
public final class TextTable {

    /** Left-aligned column (the default). */
    public static final char LEFT = 'L';

    /** Right-aligned column, for numbers. */
    public static final char RIGHT = 'R';

    private TextTable() {
    }

    /**
     * The table with a header line, two spaces between columns, and every line indented by two spaces.
     *
     * @param alignment one of {@link #LEFT}/{@link #RIGHT} per leading column; columns beyond it are left-aligned,
     *                  and the last column is never padded
     */
    public static String render(List<String> header, List<List<String>> rows, char... alignment) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        int columns = header.size();
        int[] width = new int[columns];
        for (List<String> row : all) {
            if (row.size() != columns) {
                throw new IllegalArgumentException("row has " + row.size() + " cells, header " + columns + ": " + row);
            }
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder("  ");
            for (int c = 0; c < columns; c++) {
                String cell = row.get(c);
                boolean last = c == columns - 1;
                boolean right = c < alignment.length && alignment[c] == RIGHT;
                int pad = width[c] - cell.length();
                if (right) {
                    line.append(" ".repeat(pad)).append(cell);
                } else {
                    line.append(cell);
                    if (!last) {
                        line.append(" ".repeat(pad));
                    }
                }
                if (!last) {
                    line.append("  ");
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
