package io.cityloop.intake.casefile.application;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;

import org.springframework.stereotype.Component;

import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;

/**
 * Tells what an upload really is from its first bytes, never from the declared type or the file name, and reads
 * the EXIF position and time when the camera wrote them.
 */
@Component
public class ImageInspector {

    /** JPEG, PNG or HEIC (ISO-BMFF with a HEIF brand), or null for anything else. */
    public String sniff(byte[] content) {
        if (content.length >= 3 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xD8
                && (content[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (content.length >= 8 && (content[0] & 0xFF) == 0x89 && content[1] == 'P' && content[2] == 'N'
                && content[3] == 'G' && content[4] == 0x0D && content[5] == 0x0A && content[6] == 0x1A
                && content[7] == 0x0A) {
            return "image/png";
        }
        if (content.length >= 12 && content[4] == 'f' && content[5] == 't' && content[6] == 'y' && content[7] == 'p') {
            String brand = new String(content, 8, 4, java.nio.charset.StandardCharsets.US_ASCII);
            if (brand.equals("heic") || brand.equals("heix") || brand.equals("mif1") || brand.equals("msf1")
                    || brand.equals("heim") || brand.equals("heis") || brand.equals("hevc")) {
                return "image/heic";
            }
        }
        return null;
    }

    /** EXIF GPS and capture time, each null when absent or unreadable; a photo without EXIF is still a photo. */
    public Exif exif(byte[] content) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(content));
            Double lon = null;
            Double lat = null;
            GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
            if (gps != null) {
                GeoLocation location = gps.getGeoLocation();
                if (location != null && !location.isZero()) {
                    lon = location.getLongitude();
                    lat = location.getLatitude();
                }
            }
            Instant takenAt = null;
            ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
            if (exif != null) {
                // Cameras write local time without a zone; the city's devices are set to China Standard Time.
                Date original = exif.getDateOriginal(TimeZone.getTimeZone("Asia/Shanghai"));
                takenAt = original == null ? null : original.toInstant();
            }
            return new Exif(lon, lat, takenAt);
        } catch (Exception unreadable) {
            return new Exif(null, null, null);
        }
    }

    public record Exif(Double lon, Double lat, Instant takenAt) {
    }
}
