package io.learningloop.contract;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.learningloop.contract.events.LoopEvent;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.serialization.Revision;

/** The shape every event of the contract has, and what the contract module may depend on. */
@AnalyzeClasses(packages = "io.learningloop.contract", importOptions = ImportOption.DoNotIncludeTests.class)
class ContractArchitectureTest {

    @ArchTest
    static final ArchRule every_event_is_a_revisioned_record_named_event_and_listed_in_event_types = classes()
            .that()
            .implement(LoopEvent.class)
            .and()
            .areNotInterfaces()
            .and()
            .doNotHaveModifier(JavaModifier.ABSTRACT)
            .should()
            .beRecords()
            .andShould()
            .haveSimpleNameEndingWith("Event")
            .andShould()
            .beAnnotatedWith(Revision.class)
            .andShould(beListedInEventTypesAll())
            .because("the event-type header is the class name without 'Event', the event-revision header comes "
                    + "from @Revision, and an event missing from EventTypes.ALL can be neither published nor consumed");

    @ArchTest
    static final ArchRule the_contract_does_not_depend_on_spring = noClasses()
            .that()
            .resideInAPackage("io.learningloop.contract..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework..")
            .because("every service, and consumers of other teams, use the contract without Spring");

    @ArchTest
    static final ArchRule the_contract_uses_only_the_jdk_jackson_annotations_and_axons_revision = classes()
            .that()
            .resideInAPackage("io.learningloop.contract..")
            .should()
            .onlyDependOnClassesThat(
                    resideInAnyPackage("java..", "io.learningloop.contract..", "com.fasterxml.jackson.annotation..")
                            .or(equivalentTo(Revision.class)))
            .because(
                    "the contract's only dependencies are there for @Revision and the enums' wire names (see its pom)");

    private static ArchCondition<JavaClass> beListedInEventTypesAll() {
        Set<String> listed = EventTypes.ALL.stream().map(Class::getName).collect(Collectors.toSet());
        return new ArchCondition<>("be listed in EventTypes.ALL") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                boolean isListed = listed.contains(javaClass.getName());
                events.add(new SimpleConditionEvent(
                        javaClass,
                        isListed,
                        javaClass.getName() + (isListed ? " is" : " is not") + " listed in EventTypes.ALL"));
            }
        };
    }
}
