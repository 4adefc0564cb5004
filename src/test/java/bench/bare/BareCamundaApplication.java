package bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The startup benchmark's peer: a bare Camunda 7 Spring Boot application on the same class path as Tværs (the
 * engine, its REST API and webapps, Spring MVC, security, JPA and H2 as they come), with nothing of Tværs's own.
 * It lives outside {@code dk.tvaers} so that Tværs's component scan never finds it.
 */
@SpringBootApplication
public class BareCamundaApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareCamundaApplication.class, args);
    }
}
