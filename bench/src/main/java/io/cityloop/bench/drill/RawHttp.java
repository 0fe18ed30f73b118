package io.cityloop.bench.drill;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte for byte over a socket, for what {@code java.net.http} will not send: header values with
 * UTF-8 bytes, and a body sent chunked past the server's limit. The answer is read until the server closes
 * ({@code Connection: close}); a server that refuses a body while it is still being sent may close early, so a
 * failed write is followed by an attempt to read the answer all the same.
 */
final class RawHttp {

    record Answer(int status, Map<String, String> headers, String body) {

        String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    private RawHttp() {
    }

    /**
     * @param chunkedBytes when positive, a chunked body of that many bytes of {@code x} (and {@code body} is
     *                     ignored)
     */
    static Answer send(String base, String method, String path, List<String[]> headers, byte[] body,
                       long chunkedBytes) throws IOException {
        URI uri = URI.create(base);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            // Read while writing: a server that refuses the body answers and closes before it is all sent, and
            // an answer left unread when the connection is reset would be lost.
            java.util.concurrent.CompletableFuture<byte[]> reply = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                ByteArrayOutputStream received = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                try {
                    for (int n; (n = socket.getInputStream().read(buffer)) >= 0; ) {
                        received.write(buffer, 0, n);
                    }
                } catch (IOException e) {
                    // A server that answers before reading the body closes with unread bytes, and its TCP stack
                    // then resets the connection: what arrived before the reset is the answer.
                    if (received.size() == 0) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                return received.toByteArray();
            });
            StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                    .append("Connection: close\r\n")
                    .append("Accept: application/json, application/problem+json\r\n");
            for (String[] header : headers) {
                head.append(header[0]).append(": ").append(header[1]).append("\r\n");
            }
            if (chunkedBytes > 0) {
                head.append("Transfer-Encoding: chunked\r\n");
            } else if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            try {
                out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                if (chunkedBytes > 0) {
                    byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
                    byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                    for (long sent = 0; sent < chunkedBytes; sent += chunk.length) {
                        out.write(size);
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } else if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (IOException closedWhileSending) {
                // the server answered (and closed) before the body was sent: read what it said
            }
            try {
                return read(reply.get(35, java.util.concurrent.TimeUnit.SECONDS));
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IOException("no answer: " + e.getCause(), e.getCause());
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IOException("no answer within 35 s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
        }
    }

    private static Answer read(byte[] all) throws IOException {
        String text = new String(all, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no HTTP answer (" + all.length + " bytes)");
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, body);
    }

    private static String dechunk(String body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        int at = 0;
        while (at < bytes.length) {
            int lineEnd = indexOf(bytes, at);
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(bytes, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim();
            int size = sizeText.isEmpty() ? 0 : Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            out.write(bytes, start, Math.min(size, bytes.length - start));
            at = start + size + 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
