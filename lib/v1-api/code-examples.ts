// The Jobs API documentation's download-result examples (cURL, Python, JavaScript, Java), as the vendor wrote them, with
// only the base URL, key and job id filled in. The API page shows these strings and the
// end-to-end test runs them, so what users copy is what is proven to work.
export interface ExampleInput {
  baseUrl: string;
  apiKey: string;
  jobId: string;
}

export const PLACEHOLDER_API_KEY = "YOUR_API_KEY";
export const EXAMPLE_JOB_ID = "job_abc123";

const endpoint = ({ baseUrl, jobId }: ExampleInput) =>
  `${baseUrl.replace(/\/+$/, "")}/v1/jobs/${jobId}/download-result`;

function curlLines(input: ExampleInput): string[][] {
  return [
    ["-X", "POST", endpoint(input)],
    ["-H", `Authorization: Bearer ${input.apiKey}`],
    ["-H", "Content-Type: application/json"],
    ["-d", '{\n    "expirationSeconds": 3600\n  }'],
  ];
}

/** The cURL example's arguments, for execFile('curl', …) without a shell. */
export function curlExampleArgs(input: ExampleInput): string[] {
  return curlLines(input).flat();
}

/** Quotes as the documentation does: JSON in single quotes, header values in double quotes, bare words bare. */
function shellQuote(arg: string): string {
  if (/^[A-Za-z0-9_./:=-]+$/.test(arg)) return arg;
  if (arg.includes('"')) return `'${arg.replace(/'/g, `'\\''`)}'`;
  return `"${arg.replace(/(["\\$`])/g, "\\$1")}"`;
}

export function curlExample(input: ExampleInput): string {
  return `curl ${curlLines(input)
    .map((line) => line.map(shellQuote).join(" "))
    .join(" \\\n  ")}`;
}

export function pythonExample(input: ExampleInput): string {
  return `import requests

url = "${endpoint(input)}"
headers = {
    "Authorization": "Bearer ${input.apiKey}",
    "Content-Type": "application/json"
}
payload = {
    "expirationSeconds": 3600
}

response = requests.post(url, json=payload, headers=headers)
result = response.json()

# Download the first output file
if result.get("outputs"):
    download_url = result["outputs"][0]["url"]
    file_response = requests.get(download_url)
    with open("output.srt", "wb") as f:
        f.write(file_response.content)
    print(f"Downloaded {result['outputs'][0]['sizeBytes']} bytes")
`;
}

export function javascriptExample(input: ExampleInput): string {
  return `const response = await fetch(
  '${endpoint(input)}',
  {
    method: 'POST',
    headers: {
      'Authorization': 'Bearer ${input.apiKey}',
      'Content-Type': 'application/json'
    },
    body: JSON.stringify({
      expirationSeconds: 3600
    })
  }
);

const result = await response.json();

// Download the first output file
if (result.outputs && result.outputs.length > 0) {
  const downloadUrl = result.outputs[0].url;
  const fileResponse = await fetch(downloadUrl);
  const blob = await fileResponse.blob();

  // Save file in browser
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = 'output.srt';
  link.click();

  console.log(\`Downloaded \${result.outputs[0].sizeBytes} bytes\`);
}
`;
}

export function javaExample(input: ExampleInput): string {
  return `HttpClient client = HttpClient.newHttpClient();

String json = "{\\"expirationSeconds\\":3600}";

HttpRequest request = HttpRequest.newBuilder()
    .uri(URI.create("${endpoint(input)}"))
    .header("Authorization", "Bearer ${input.apiKey}")
    .header("Content-Type", "application/json")
    .POST(HttpRequest.BodyPublishers.ofString(json))
    .build();

HttpResponse<String> response = client.send(
    request,
    HttpResponse.BodyHandlers.ofString()
);

// Parse JSON response
JsonObject result = JsonParser.parseString(response.body()).getAsJsonObject();
JsonArray outputs = result.getAsJsonArray("outputs");

if (outputs.size() > 0) {
    String downloadUrl = outputs.get(0).getAsJsonObject().get("url").getAsString();

    // Download file
    HttpRequest downloadRequest = HttpRequest.newBuilder()
        .uri(URI.create(downloadUrl))
        .GET()
        .build();

    HttpResponse<Path> fileResponse = client.send(
        downloadRequest,
        HttpResponse.BodyHandlers.ofFile(Paths.get("output.srt"))
    );

    System.out.println("Downloaded to: " + fileResponse.body());
}
`;
}
