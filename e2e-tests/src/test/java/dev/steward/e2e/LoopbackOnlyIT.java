package dev.steward.e2e;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.e2e.stack.ServiceProcess;
import dev.steward.e2e.stack.Stack;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The local stack's services listen on loopback only, as its Keycloak and PostgreSQL do. */
@ExtendWith(StackExtension.class)
class LoopbackOnlyIT {

    @Test
    void servicesListenOnLoopbackOnly(Stack stack) throws IOException {
        List<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .toList();
        for (String name : Stack.SERVICES) {
            ServiceProcess service = stack.service(name);
            String log = Files.readString(service.log());
            assertTrue(log.contains("Listening on: http://127.0.0.1:" + service.port()),
                    name + " should announce a loopback listener; its log says otherwise");
            for (InetAddress address : external) {
                assertThrows(ConnectException.class, () -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(address, service.port()), 2000);
                    }
                }, name + " answered on " + address.getHostAddress());
            }
        }
    }
}
