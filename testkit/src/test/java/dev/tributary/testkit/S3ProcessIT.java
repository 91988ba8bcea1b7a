package dev.tributary.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.embedded.PortInUseException;
import dev.tributary.embedded.S3Process;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

class S3ProcessIT {

    @TempDir
    Path dataDir;

    @Test
    void objectsLiveInTheDataDirectoryAndAreServedAgainAfterARestart() throws Exception {
        S3Process s3 = S3Process.builder(dataDir).build();
        try (s3) {
            s3.start();
            try (S3Client client = client(s3)) {
                client.createBucket(request -> request.bucket("archive"));
                client.putObject(request -> request.bucket("archive").key("a/b.jsonl"),
                        RequestBody.fromString("{\"n\":1}\n"));
            }
            assertThat(s3.objectsDir()).contains(dataDir.toAbsolutePath().resolve("objects"));
            assertThat(Files.readString(s3.objectsDir().orElseThrow().resolve("archive/a/b.jsonl")))
                    .isEqualTo("{\"n\":1}\n");

            s3.stop(Duration.ofSeconds(10));
            assertThat(s3.isAlive()).isFalse();
            s3.start();

            try (S3Client client = client(s3)) {
                assertThat(client.getObjectAsBytes(request -> request.bucket("archive").key("a/b.jsonl"))
                        .asUtf8String()).isEqualTo("{\"n\":1}\n");
            }
        }
        assertThat(s3.isAlive()).isFalse();
    }

    @Test
    void anInMemoryStoreKeepsNoObjectsOnDisk() throws Exception {
        try (S3Process s3 = S3Process.builder(dataDir).inMemory().build().start();
             S3Client client = client(s3)) {
            client.createBucket(request -> request.bucket("scratch"));
            client.putObject(request -> request.bucket("scratch").key("x"), RequestBody.fromString("x"));

            assertThat(s3.objectsDir()).isEmpty();
            assertThat(dataDir.resolve("objects")).doesNotExist();
            assertThat(client.listObjectsV2(request -> request.bucket("scratch")).keyCount()).isEqualTo(1);
        }
    }

    @Test
    void aTakenPortIsAClearErrorAndStartsNothing() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            long childrenBefore = ProcessHandle.current().children().count();
            S3Process s3 = S3Process.builder(dataDir).port(taken.getLocalPort()).portSetting("--s3-port").build();

            assertThatThrownBy(s3::start)
                    .isInstanceOf(PortInUseException.class)
                    .hasMessage("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use;"
                            + " choose another with --s3-port");
            assertThat(s3.isAlive()).isFalse();
            assertThat(ProcessHandle.current().children().count()).isEqualTo(childrenBefore);
        }
    }

    private static S3Client client(S3Process s3) {
        return S3Client.builder()
                .endpointOverride(s3.endpoint())
                .forcePathStyle(true)
                .region(Region.of(S3Process.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3Process.ACCESS_KEY, S3Process.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
