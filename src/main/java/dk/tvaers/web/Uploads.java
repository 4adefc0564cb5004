package dk.tvaers.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.multipart.MultipartFile;

/**
 * Files uploaded to Tværs (rule files, BPMN): each by its own name without any folder, one error per
 * problem under the field {@code files}, as {@link Input} reports them.
 */
public final class Uploads {

    public static final int MAX_FILES = 10;
    public static final long MAX_FILE_BYTES = 1024 * 1024;
    private static final String NAME = "[\\p{L}0-9 ._-]{1,100}";

    /**
     * The files by their own name. Empty parts are left out; at least one file is required.
     *
     * @param nameCode   the {@code input.*} code for a name without one of the extensions
     * @param extensions the endings a file's name may have, such as {@code .bpmn}
     * @throws InvalidInputException with every problem
     */
    public static Map<String, byte[]> files(List<MultipartFile> files, String nameCode, String... extensions) {
        Input in = new Input();
        Map<String, byte[]> byName = new LinkedHashMap<>();
        if (files == null || files.stream().allMatch(MultipartFile::isEmpty)) {
            in.add("files", "required");
        } else if (files.size() > MAX_FILES) {
            in.add("files", "tooManyFiles", MAX_FILES);
        } else {
            for (MultipartFile file : files) {
                if (file.isEmpty()) {
                    continue;
                }
                String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().replace('\\', '/');
                name = name.substring(name.lastIndexOf('/') + 1);
                String fileName = name;
                if (!name.matches(NAME) || java.util.Arrays.stream(extensions).noneMatch(fileName::endsWith)) {
                    in.add("files", nameCode, name.length() > 100 ? name.substring(0, 100) : name);
                } else if (file.getSize() > MAX_FILE_BYTES) {
                    in.add("files", "fileTooLarge", name, MAX_FILE_BYTES / 1024 / 1024);
                } else {
                    byName.put(name, bytes(file));
                }
            }
        }
        in.throwIfAny();
        return byName;
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Uploads() {
    }
}
