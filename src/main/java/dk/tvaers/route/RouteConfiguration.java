package dk.tvaers.route;

import java.nio.file.Path;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Deploys the {@code processes/} folder of the working directory while the application starts. */
@Configuration(proxyBeanMethods = false)
class RouteConfiguration {

    @Bean
    RouteDeployer routeDeployer(RepositoryService repository, @Value("${tvaers.processes.dir:processes}") Path folder) {
        RouteDeployer deployer = new RouteDeployer(repository);
        Path absolute = folder.toAbsolutePath().normalize();
        // Failing here stops startup: the message names file, element, line and reason.
        deployer.deploy(RouteDeployer.readFolder(absolute));
        return deployer;
    }
}
