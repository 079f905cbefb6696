package org.oscar.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A private Mosquitto broker on a loopback port, anonymous access, no persistence file. */
public final class MosquittoProcess extends ServerProcess {
  public MosquittoProcess() {
    super("mosquitto");
  }

  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  @Override
  protected List<String> command() throws IOException {
    Path conf = dir.resolve("mosquitto.conf");
    Files.writeString(
        conf,
        String.join(
            "\n",
            "listener " + port + " 127.0.0.1",
            "allow_anonymous true",
            "persistence false",
            "max_queued_messages 10000",
            "log_dest stdout",
            ""));
    return List.of(binary("oscar.mosquitto.bin", "mosquitto"), "-c", conf.toString());
  }
}
