import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

// The seed's Java example in miniature: the JDK's default HttpClient, which offers HTTP/2 to an
// http:// server with "Upgrade: h2c". Prints "<version> <status> <body>" per call, one a line.
// Usage: java H2cClient.java <portal URL> <portal API key>
public class H2cClient {
  public static void main(String[] args) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> health = client.send(
        HttpRequest.newBuilder(URI.create(args[0] + "/api/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    System.out.println(health.version() + " " + health.statusCode() + " " + health.body());
    HttpResponse<String> download = client.send(
        HttpRequest.newBuilder(URI.create(args[0] + "/v1/jobs/job_missing/download-result"))
            .header("Authorization", "Bearer " + args[1])
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"expirationSeconds\": 3600}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    System.out.println(download.version() + " " + download.statusCode() + " " + download.body());
  }
}
