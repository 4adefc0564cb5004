package dk.tvaers.route;

import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Deploys the {@code processes/} folder of the working directory while the application starts. */
@Configuration(proxyBeanMethods = false)
class RouteConfiguration {

    @Bean
    RouteDeployer routeDeployer(RepositoryService repository, @Value("${tvaers.processes.dir:processes}") Path folder,
                                org.springframework.beans.factory.BeanFactory beans) {
        RouteDeployer deployer = new RouteDeployer(repository, new ProcessRules(beans::containsBean));
        Path absolute = folder.toAbsolutePath().normalize();
        // Failing here stops startup: the message names file, element, line and reason.
        Map<String, byte[]> shipped = RouteDeployer.readFolder(absolute);
        Map<String, byte[]> fresh = deployer.notDeployedBefore(shipped);
        if (!fresh.isEmpty()) {
            deployer.deploy(fresh);
        }
        return deployer;
    }
}
