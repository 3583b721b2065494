package com.etitle;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The package map of docs/design.md, enforced: feature packages form a directed acyclic graph, {@code crypto}
 * and {@code common} sit below every feature, development-only code is used by nobody, and resources stay thin
 * (HTTP in, records out; persistence and transactions belong to services). ofdrw, the OFD library the tests check our
 * files with, and the BouncyCastle 1.68 it needs stay off the service's and the tests' class paths (it runs in its own
 * JVM, see support/Ofdrw): on one class path with our BouncyCastle 1.86 it fails at run time.
 */
@AnalyzeClasses(packages = "com.etitle", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] FEATURES = {"com.etitle.audit..", "com.etitle.authority..", "com.etitle.batch..",
            "com.etitle.boot..", "com.etitle.calendar..", "com.etitle.certificate..", "com.etitle.committee..",
            "com.etitle.dishonesty..", "com.etitle.face..", "com.etitle.holder..", "com.etitle.publicity..",
            "com.etitle.qualification..", "com.etitle.reissue..", "com.etitle.status..", "com.etitle.verification..",
            "com.etitle.voidnotice.."};

    @ArchTest
    static final ArchRule packages_import_each_other_without_a_cycle = slices().matching("com.etitle.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule crypto_imports_no_other_package_of_ours = noClasses().that().resideInAPackage("com.etitle.crypto..")
            .should().dependOnClassesThat().resideInAnyPackage(append(FEATURES, "com.etitle.common.."));

    @ArchTest
    static final ArchRule common_imports_no_feature_package = noClasses().that().resideInAPackage("com.etitle.common..")
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES);

    @ArchTest
    static final ArchRule development_only_code_is_used_by_nobody_but_the_launcher = noClasses()
            .that().resideOutsideOfPackage("com.etitle.boot..").and().doNotHaveFullyQualifiedName(Main.class.getName())
            .should().dependOnClassesThat().resideInAPackage("com.etitle.boot..");

    @ArchTest
    static final ArchRule resources_touch_no_entity_manager_panache_static_or_transaction = noClasses()
            .that().haveSimpleNameEndingWith("Resource")
            .should().dependOnClassesThat().areAssignableTo(EntityManager.class)
            .orShould().dependOnClassesThat().areAssignableTo(QuarkusTransaction.class)
            .orShould().dependOnClassesThat().areAssignableTo(PanacheQuery.class)
            .orShould().callCodeUnitWhere(describe("a static method of a Panache entity",
                    (JavaCall<?> call) -> call.getTarget().getOwner().isAssignableTo(PanacheEntityBase.class)
                            && call.getTarget().resolveMember().map(m -> m.getModifiers().contains(JavaModifier.STATIC)).orElse(true)))
            .orShould().beAnnotatedWith(Transactional.class);

    @ArchTest
    static final ArchRule no_resource_method_is_transactional = noMethods()
            .that().areDeclaredInClassesThat().haveSimpleNameEndingWith("Resource")
            .should().beAnnotatedWith(Transactional.class);

    @ArchTest
    static final ArchRule no_class_of_ours_uses_ofdrw = noClasses().should().dependOnClassesThat().resideInAPackage("org.ofdrw..");

    @Test
    void neither_ofdrw_nor_an_old_bouncycastle_is_on_the_class_path() throws Exception {
        // Surefire may start the JVM through a manifest-only jar; it also passes the real class path in this property
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> jars = Stream.of(path.split(File.pathSeparator)).map(p -> new File(p).getName()).toList();
        assertThat(jars).noneMatch(jar -> jar.startsWith("ofdrw-")).noneMatch(jar -> jar.matches("bc[a-z]+-jdk1[45]on-.*"));
        assertThatThrownBy(() -> Class.forName("org.ofdrw.reader.OFDReader")).isInstanceOf(ClassNotFoundException.class);
        // exactly one BouncyCastle provider class, from the jdk18on jars the pom pins
        List<URL> providers = Collections.list(getClass().getClassLoader()
                .getResources(BouncyCastleProvider.class.getName().replace('.', '/') + ".class"));
        assertThat(providers).hasSize(1);
        assertThat(providers.get(0).toString()).contains("bcprov-jdk18on-");
    }

    private static String[] append(String[] packages, String more) {
        String[] all = java.util.Arrays.copyOf(packages, packages.length + 1);
        all[packages.length] = more;
        return all;
    }
}
