package dev.homestak.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A plain HTTP view of a simulator for tests: OkHttp trusting exactly its certificate. */
final class TestApi {

    /** One response: status, the status line's reason, the parsed body. */
    record Reply(int status, String reason, JsonNode body) {
        JsonNode data() {
            return body.path("data");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Simulator sim;
    private final OkHttpClient http;
    private final String token;

    TestApi(Simulator sim) {
        this(sim, sim.apiToken().reveal(), Duration.ofSeconds(10));
    }

    TestApi(Simulator sim, String token, Duration readTimeout) {
        this.sim = sim;
        this.token = token;
        this.http = client(sim, readTimeout);
    }

    static OkHttpClient client(Simulator sim, Duration readTimeout) {
        try {
            var cert = CertificateFactory.getInstance("X.509")
                    .generateCertificate(
                            new ByteArrayInputStream(sim.certificatePem().getBytes(StandardCharsets.US_ASCII)));
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("sim", cert);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
            return new OkHttpClient.Builder()
                    .sslSocketFactory(tls.getSocketFactory(), (X509TrustManager) tmf.getTrustManagers()[0])
                    .readTimeout(readTimeout)
                    .retryOnConnectionFailure(false)
                    .build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Reply get(String path, String... query) throws IOException {
        return call(new Request.Builder().url(url(path, query)).get());
    }

    Reply delete(String path, String... query) throws IOException {
        return call(new Request.Builder().url(url(path, query)).delete());
    }

    Reply post(String path, String... form) throws IOException {
        return call(new Request.Builder().url(url(path)).post(form(form)));
    }

    Reply put(String path, String... form) throws IOException {
        return call(new Request.Builder().url(url(path)).put(form(form)));
    }

    /** POSTs, expects a UPID and awaits the task's end (deadline 10 s); returns the final status. */
    JsonNode task(String path, String... form) throws IOException {
        Reply reply = post(path, form);
        if (reply.status() != 200) {
            throw new AssertionError(path + " -> " + reply.status() + " " + reply.reason());
        }
        return await(reply.data().asText());
    }

    /** Polls a task until stopped (deadline 10 s). */
    JsonNode await(String upid) throws IOException {
        String node = upid.split(":")[1];
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            JsonNode status =
                    get("/nodes/" + node + "/tasks/" + upid + "/status").data();
            if (status.path("status").asText().equals("stopped")) {
                return status;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("task did not end in time: " + upid);
    }

    /** Polls a GET until the predicate holds (deadline 10 s). */
    Reply until(Predicate<Reply> done, String path, String... query) throws IOException {
        Instant deadline = Instant.now().plusSeconds(10);
        Reply last = get(path, query);
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met in time; last: " + last);
            }
            last = get(path, query);
        }
        return last;
    }

    /** Creates a VM with the agent enabled and starts it, awaiting both tasks. */
    void createAndStart(int vmid, String... extra) throws IOException {
        String[] form = new String[6 + extra.length];
        form[0] = "vmid";
        form[1] = Integer.toString(vmid);
        form[2] = "name";
        form[3] = "vm" + vmid;
        form[4] = "agent";
        form[5] = "enabled=1";
        System.arraycopy(extra, 0, form, 6, extra.length);
        task("/nodes/" + sim.node() + "/qemu", form);
        task("/nodes/" + sim.node() + "/qemu/" + vmid + "/status/start");
    }

    OkHttpClient http() {
        return http;
    }

    HttpUrl url(String path, String... query) {
        HttpUrl.Builder url = HttpUrl.get(sim.baseUri().toString()).newBuilder();
        for (String segment : path.substring(1).split("/")) {
            url.addPathSegment(java.net.URLDecoder.decode(segment, StandardCharsets.UTF_8));
        }
        for (int i = 0; i + 1 < query.length; i += 2) {
            url.addQueryParameter(query[i], query[i + 1]);
        }
        return url.build();
    }

    private Reply call(Request.Builder request) throws IOException {
        try (Response response = http.newCall(
                        request.header("Authorization", "PVEAPIToken=" + token).build())
                .execute()) {
            String body = response.body() == null ? "" : response.body().string();
            JsonNode json = body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
            return new Reply(response.code(), response.message(), json);
        }
    }

    private static RequestBody form(String... pairs) {
        FormBody.Builder form = new FormBody.Builder();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            form.add(pairs[i], pairs[i + 1]);
        }
        return form.build();
    }

    static Map<String, String> map(String... pairs) {
        java.util.LinkedHashMap<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
