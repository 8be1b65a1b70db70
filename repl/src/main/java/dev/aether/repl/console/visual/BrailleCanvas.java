package dev.aether.repl.console.visual;

/**
 * Not thread-safe (one renderer fills it, then reads it). A grid of Unicode braille cells (U+2800..U+28FF), each
 * 2 dots wide and 4 high, so a terminal cell holds eight dots: {@code cells} wide and {@code rows} high gives a
 * canvas of {@code 2 cells} by {@code 4 rows} dots, (0, 0) at the top left.
 */
public final class BrailleCanvas {
    /** The blank braille cell; a cell's character is this plus the bits of its lit dots. */
    public static final char BLANK = '\u2800';
    private static final int[][] BIT = {{0x01, 0x02, 0x04, 0x40}, {0x08, 0x10, 0x20, 0x80}};   // [dx][dy] in a cell

    private final int cells, rows;
    private final int[] bits;

    public BrailleCanvas(int cells, int rows) {
        if (cells < 1 || rows < 1) throw new IllegalArgumentException("canvas must be at least 1 x 1 cells");
        this.cells = cells;
        this.rows = rows;
        bits = new int[cells * rows];
    }

    public int dotsWide() { return 2 * cells; }
    public int dotsHigh() { return 4 * rows; }

    /** Lights dot ({@code x}, {@code y}); dots outside the canvas are ignored. */
    public void set(int x, int y) {
        if (x < 0 || y < 0 || x >= dotsWide() || y >= dotsHigh()) return;
        bits[(y / 4) * cells + x / 2] |= BIT[x % 2][y % 4];
    }

    /** True when dot ({@code x}, {@code y}) is lit. */
    public boolean isSet(int x, int y) {
        if (x < 0 || y < 0 || x >= dotsWide() || y >= dotsHigh()) return false;
        return (bits[(y / 4) * cells + x / 2] & BIT[x % 2][y % 4]) != 0;
    }

    /** Lights the dots of a straight line between two dots (both ends included). */
    public void line(int x0, int y0, int x1, int y1) {
        int dx = Math.abs(x1 - x0), dy = -Math.abs(y1 - y0), sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1, err = dx + dy;
        for (int guard = 0; guard < 1_000_000; guard++) {
            set(x0, y0);
            if (x0 == x1 && y0 == y1) return;
            int e2 = 2 * err;
            if (e2 >= dy) { err += dy; x0 += sx; }
            if (e2 <= dx) { err += dx; y0 += sy; }
        }
    }

    /** Cell row {@code r} as {@code cells} braille characters. */
    public String row(int r) {
        char[] out = new char[cells];
        for (int c = 0; c < cells; c++) out[c] = (char) (BLANK + bits[r * cells + c]);
        return new String(out);
    }

    /** Dot coordinates of a braille character's lit dots: the inverse of the encoding, for tests and readers. */
    public static boolean dotOf(char cell, int dx, int dy) { return ((cell - BLANK) & BIT[dx][dy]) != 0; }
}
