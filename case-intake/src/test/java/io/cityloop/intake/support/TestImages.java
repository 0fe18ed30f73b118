package io.cityloop.intake.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

import javax.imageio.ImageIO;

/** Small real images for upload tests, one JPEG with the EXIF GPS block a phone camera writes. */
public final class TestImages {

    private TestImages() {
    }

    public static byte[] png(int seed) {
        return encode("png", seed);
    }

    public static byte[] jpeg(int seed) {
        return encode("jpg", seed);
    }

    /** A JPEG whose APP1 segment carries GPS latitude/longitude (north/east) as degrees-minutes-seconds. */
    public static byte[] jpegWithGps(double lon, double lat, int seed) {
        byte[] plain = jpeg(seed);
        byte[] tiff = gpsTiff(lon, lat);
        ByteBuffer app1 = ByteBuffer.allocate(2 + 2 + 6 + tiff.length);
        app1.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + 6 + tiff.length));
        app1.put(new byte[] {'E', 'x', 'i', 'f', 0, 0}).put(tiff);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        out.writeBytes(app1.array());
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    private static byte[] gpsTiff(double lon, double lat) {
        ByteBuffer t = ByteBuffer.allocate(8 + 18 + 54 + 48);
        t.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
        // IFD0 at 8: one entry, GPSInfo → GPS IFD at 26.
        t.putShort((short) 1).putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26).putInt(0);
        // GPS IFD at 26: four entries; rationals at 80 (latitude) and 104 (longitude).
        t.putShort((short) 4);
        t.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
        t.putShort((short) 2).putShort((short) 5).putInt(3).putInt(80);
        t.putShort((short) 3).putShort((short) 2).putInt(2).put(new byte[] {'E', 0, 0, 0});
        t.putShort((short) 4).putShort((short) 5).putInt(3).putInt(104);
        t.putInt(0);
        dms(t, lat);
        dms(t, lon);
        return t.array();
    }

    private static void dms(ByteBuffer t, double degrees) {
        int d = (int) degrees;
        double minutes = (degrees - d) * 60;
        int m = (int) minutes;
        long secondsTimes1000 = Math.round((minutes - m) * 60 * 1000);
        t.putInt(d).putInt(1).putInt(m).putInt(1).putInt((int) secondsTimes1000).putInt(1000);
    }

    private static byte[] encode(String format, int seed) {
        BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 32; x++) {
            for (int y = 0; y < 24; y++) {
                image.setRGB(x, y, (x * 8 + seed * 31) << 16 | (y * 10 + seed * 17) << 8 | seed * 53 & 0xFF);
            }
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
