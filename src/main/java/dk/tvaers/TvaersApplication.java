package dk.tvaers;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TvaersApplication {
    public static void main(String[] args) {
        SpringApplication.run(TvaersApplication.class, args);
    }
}
