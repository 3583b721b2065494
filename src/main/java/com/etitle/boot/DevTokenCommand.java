package com.etitle.boot;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.etitle.certificate.IdNumbers;
import com.etitle.crypto.Hashes;

/**
 * {@code java -jar etitle-runner.jar dev-token --role issuer --authority DEMO [--subject NAME] [--ttl-hours N]}
 * prints a bearer token signed by the development identity of the data folder. Only a service running on
 * its embedded database trusts that identity. Holder tokens name the person by the hash of their ID number:
 * {@code --role holder --demo-holder 1} for a demo certificate's holder, or {@code --id-number ID}.
 */
public final class DevTokenCommand {

    static final Set<String> ROLES = Set.of("issuer", "registrar", "holder");

    private DevTokenCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String role = null;
        String authority = null;
        String subject = "dev-user";
        String idNumber = null;
        long ttlHours = 8;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--role" -> role = value;
                case "--authority" -> authority = value;
                case "--subject" -> subject = value;
                case "--id-number" -> idNumber = value;
                case "--demo-holder" -> idNumber = DemoData.holderIdNumber(value);
                case "--ttl-hours" -> ttlHours = parseHours(value);
                default -> {
                    return usage(err, "unknown option " + args[i]);
                }
            }
            i++;
        }
        if (role == null || !ROLES.contains(role)) {
            return usage(err, "--role must be one of " + ROLES);
        }
        if (!role.equals("holder") && (authority == null || authority.isBlank())) {
            return usage(err, "--authority is required for role " + role);
        }
        if (subject == null || ttlHours <= 0) {
            return usage(err, "--subject needs a value and --ttl-hours a positive number");
        }
        DevIdentity identity = DevIdentity.in(DataDir.resolve().resolve("dev-identity"));
        if (role.equals("holder")) {
            String id = IdNumbers.normalise(idNumber);
            if (id.isEmpty() || IdNumbers.problem(id) != null) {
                return usage(err, "--role holder needs --demo-holder 1.." + DemoData.REQUESTS.size() + " or a valid --id-number");
            }
            out.println(identity.mintHolder(subject, Hashes.sha256Hex(id), Duration.ofHours(ttlHours)));
            return 0;
        }
        out.println(identity.mint(subject, List.of(role), authority, Duration.ofHours(ttlHours)));
        return 0;
    }

    private static long parseHours(String value) {
        try {
            return value == null ? -1 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("dev-token: " + problem);
        err.println("usage: dev-token --role issuer|registrar --authority CODE [--subject NAME] [--ttl-hours N]");
        err.println("       dev-token --role holder (--demo-holder N | --id-number ID) [--subject NAME] [--ttl-hours N]");
        return 2;
    }
}
