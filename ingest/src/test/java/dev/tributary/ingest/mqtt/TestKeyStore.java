package dev.tributary.ingest.mqtt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * A server keystore for TLS tests: PKCS#12, password {@value #PASSWORD}, one self-signed EC certificate for
 * 127.0.0.1 (also as subject alternative name), valid for a hundred years. Kept as text so that no test waits for
 * keytool to start; made with {@code keytool -genkeypair -alias mqtt -keyalg EC -groupname secp256r1
 * -validity 36500 -dname CN=127.0.0.1 -ext SAN=ip:127.0.0.1 -storetype PKCS12}. Its key protects nothing.
 */
final class TestKeyStore {

    static final String PASSWORD = "changeit";

    private static final String PKCS12_BASE64 =
            "MIID/AIBAzCCA6YGCSqGSIb3DQEHAaCCA5cEggOTMIIDjzCCASYGCSqGSIb3DQEHAaCCARcEggETMIIBDzCCAQsGCyqGSIb3DQEM"
            + "CgECoIG9MIG6MGYGCSqGSIb3DQEFDTBZMDgGCSqGSIb3DQEFDDArBBRUKT44b9qkLCIJWku279GWiHrR2wICJxACASAwDAYIKoZI"
            + "hvcNAgkFADAdBglghkgBZQMEASoEELJRVU1WpEAe+JAOKHBLlGwEUJslnpYv1uJ0i57+v4c/c8/M8BjI/gncEle7UbCmPsD+84LM"
            + "460J1HWmg61XJv0+ith65xWFbJQzX8LiwSKVgiqaHrWspaoVaZs7lIRuc1hcMTwwFwYJKoZIhvcNAQkUMQoeCABtAHEAdAB0MCEG"
            + "CSqGSIb3DQEJFTEUBBJUaW1lIDE3OTU0NDg2NzA1NDcwggJhBgkqhkiG9w0BBwagggJSMIICTgIBADCCAkcGCSqGSIb3DQEHATBm"
            + "BgkqhkiG9w0BBQ0wWTA4BgkqhkiG9w0BBQwwKwQUMdGmgbxHKf8IHIxQNQRpnezQVpUCAicQAgEgMAwGCCqGSIb3DQIJBQAwHQYJ"
            + "YIZIAWUDBAEqBBCVQ/iOh2SD/6s5Br18r2bIgIIB0JbxJriFPWdOC7ouD3XuAPxcr/49XQQL5au6VBTb8xOzI+41h3Do0oqDdWWL"
            + "jU99ko0n30uA1EuoMNOXyjTE1zIU8t/vNG1qyoYM+sov8pAFdKIq0UMe9+y0/yowG8gfReF7lz0+bAD8YXlV3aClVDFmwzuCkshN"
            + "lU2ey/ID2yFu154KKAhjQSsbguxNMC1h/KEoNCkK9kVL03YIwED5a5yFJN0ZdTsONlFlV1pgM8SrmcWICaAfIpS/mgNG7IBKi+y6"
            + "q3E7CxNhENhZFagM8YhLcS0z/IT69cLgHzi6W5z7VqLWX3an+arEY3bg3GdA0G7gJP5jmYv6h6i476J2ZcGhZYOMi7EmTGkrh9jl"
            + "/BKwkQgAtTQKZXvD+VzGSnvEz1J05cH3CfSk5Cmi3Ro6qx+NB53TiHcdPnjXZHhFwDCzf1dgDKaNH9p4WqiFWEwFH9/+qH+qiXYu"
            + "4mrR+44Wn6nnmwRahIJxTSJiXyU0/kTQ9J5V/rzDHRnVUwfp82t23bo3dOnXAHaoLCbMUyCwsawUZ9xjBjUiguoW+sU7KGsBeyWG"
            + "oIjqA1LHqViSPsgE50W0dJXUFMYVHF8mOHGMpZ9cHeCA1F5dRGNbpli5lpV6ME0wMTANBglghkgBZQMEAgEFAAQgGgJR2wovM36B"
            + "XW9y+fothj0qQ9WMhT4PJp3GIFCiXJsEFKAMCMDt6dz3vmDFv9WoIiOKyFM4AgInEA==";

    private TestKeyStore() {
    }

    /** Writes the keystore to {@code dir/server.p12} and returns its path. */
    static Path write(Path dir) throws IOException {
        return Files.write(dir.resolve("server.p12"), Base64.getDecoder().decode(PKCS12_BASE64));
    }
}
