package io.newsflow.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 spoken by hand over a socket, so a test can send what no client library would: a lying or missing
 * {@code Content-Length}, a chunked body past the limit, bytes that are not UTF-8, headers that are not headers.
 * One request per connection ({@code Connection: close}); the body is written while the answer is read, because a
 * server may answer (413) and close before it has taken the whole body.
 */
final class RawHttp {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private RawHttp() {}

    /** What came back: the status, the headers (names in lower case) and the body as text. */
    record Reply(int status, Map<String, String> headers, String body, long millis) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String contentType() {
            String type = header("content-type");
            return type == null ? "" : type;
        }
    }

    /**
     * Sends one request.
     *
     * @param target the path and query, sent as they are (no encoding added)
     * @param headers header lines as given; {@code Host} and {@code Connection: close} are added, and a
     *     {@code Content-Length} for a body unless a header already says how long it is
     * @param chunked send the body in chunks of 64 KB instead of with a length
     */
    static Reply send(String base, String method, String target, List<String> headers, byte[] body, boolean chunked) {
        URI uri = URI.create(base);
        long started = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            StringBuilder head = new StringBuilder();
            head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            head.append("Host: ")
                    .append(uri.getHost())
                    .append(':')
                    .append(uri.getPort())
                    .append("\r\n");
            head.append("Connection: close\r\n");
            boolean sized = headers.stream().anyMatch(h -> {
                String lower = h.toLowerCase(Locale.ROOT);
                return lower.startsWith("content-length:") || lower.startsWith("transfer-encoding:");
            });
            for (String header : headers) {
                head.append(header).append("\r\n");
            }
            if (chunked) {
                head.append("Transfer-Encoding: chunked\r\n");
            } else if (body != null && !sized) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
            Thread writer = Thread.ofVirtual().start(() -> write(out, headBytes, body, chunked));
            byte[] answer = readAll(socket.getInputStream());
            writer.join(TIMEOUT.toMillis());
            return parse(answer, (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + target + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends {@code count} body-less requests one after the other over one kept-alive connection and returns the
     * answers: no connection set-up between them, and no client library in the way.
     */
    static List<Reply> repeat(String base, String method, String target, List<String> headers, int count) {
        URI uri = URI.create(base);
        StringBuilder one = new StringBuilder();
        one.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        one.append("Host: ")
                .append(uri.getHost())
                .append(':')
                .append(uri.getPort())
                .append("\r\n");
        headers.forEach(h -> one.append(h).append("\r\n"));
        byte[] request = one.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
        List<Reply> replies = new java.util.ArrayList<>();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            java.io.BufferedInputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            for (int i = 0; i < count; i++) {
                long started = System.nanoTime();
                out.write(request);
                out.flush();
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                while (head.size() < 4
                        || !head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    int b = in.read();
                    if (b < 0) {
                        return replies;
                    }
                    head.write(b);
                }
                Reply reply = parse(head.toByteArray(), 0);
                byte[] body = in.readNBytes(Integer.parseInt(reply.headers().getOrDefault("content-length", "0")));
                replies.add(new Reply(
                        reply.status(),
                        reply.headers(),
                        new String(body, StandardCharsets.UTF_8),
                        (System.nanoTime() - started) / 1_000_000));
            }
            return replies;
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + target + ": " + e.getMessage(), e);
        }
    }

    private static void write(OutputStream out, byte[] head, byte[] body, boolean chunked) {
        try {
            out.write(head);
            if (body != null && chunked) {
                for (int at = 0; at < body.length; at += 64 * 1024) {
                    int length = Math.min(64 * 1024, body.length - at);
                    out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body, at, length);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } else if (body != null) {
                out.write(body);
            }
            out.flush();
        } catch (IOException e) {
            // the server answered and closed before taking the whole body: its answer is what the test reads
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            int read;
            while ((read = in.read(buffer)) != -1) {
                all.write(buffer, 0, read);
            }
        } catch (java.net.SocketException e) {
            // a reset after the answer (the server closed with our body unread): keep what arrived
            if (all.size() == 0) {
                throw e;
            }
        }
        return all.toByteArray();
    }

    private static Reply parse(byte[] answer, long millis) {
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        // the HTTP server answers some refusals (414) as HTTP/1.0
        if (!text.startsWith("HTTP/1.") || end < 0) {
            throw new IllegalStateException("not an HTTP answer: " + text.substring(0, Math.min(200, text.length())));
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(
                        lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(answer, end + 4, answer.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        if (status == 100) {
            // an interim answer: the real one follows
            return parse(body, millis);
        }
        return new Reply(status, headers, new String(body, StandardCharsets.UTF_8), millis);
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOf(body, at);
            if (lineEnd < 0) {
                break;
            }
            String sizeLine = new String(body, at, lineEnd - at, StandardCharsets.US_ASCII);
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, Math.min(size, body.length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
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
