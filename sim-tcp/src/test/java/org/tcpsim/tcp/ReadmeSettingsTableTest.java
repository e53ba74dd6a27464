package org.tcpsim.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's TCP settings table is made from {@link TcpSettings}; this keeps the two equal. */
class ReadmeSettingsTableTest {
  static String table() {
    StringBuilder b = new StringBuilder();
    b.append("| setting | value | rfc793 | rfc9293 | rfc5961 (default) | linux | from | meaning |\n");
    b.append("|---|---|---|---|---|---|---|---|\n");
    for (TcpSettings.Setting s : TcpSettings.all()) {
      b.append("| `").append(s.key()).append("` | ").append(s.form().replace("|", "\\|"));
      for (Profile p : Profile.values()) {
        b.append(" | ").append(TcpSettings.get(p.config(), s.key()));
      }
      b.append(" | ").append(s.rfc()).append(" | ").append(s.meaning()).append(" |\n");
    }
    return b.toString();
  }

  @Test
  void readmeListsEverySettingWithItsDefaultInEachProfile() throws IOException {
    Path readme = Path.of("..", "README.md");
    String text = Files.readString(readme);
    assertThat(text)
        .as("README.md must contain this table (regenerate it from TcpSettings):%n%s", table())
        .contains(table());
  }

  public static void main(String[] args) {
    System.out.print(table());
  }
}
